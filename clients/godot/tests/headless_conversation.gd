# Headless check: a 5-turn NPC conversation; prints one line per turn with the message types.
# Run: AFFECT_URL=ws://127.0.0.1:PORT godot3-server --path clients/godot -s res://tests/headless_conversation.gd
extends SceneTree

const LINES = [
	"Hello! I just arrived in this village.",
	"My brother went missing in the forest and I am so worried.",
	"Nobody here will help me look for him.",
	"Thank you, that really means a lot to me.",
	"I found him! He is safe!",
]

var npc
var turn = 0
var types = []
var elapsed = 0.0
var done = false


func _init():
	npc = load("res://affect_client.gd").new()
	npc.connect("message", self, "_on_message")
	npc.connect("closed", self, "_on_closed")
	var err = npc.open(OS.get_environment("AFFECT_URL"), "sage")
	if err != OK:
		_finish(2, "cannot connect: %s" % err)


func _idle(delta):
	elapsed += delta
	npc.poll()
	if elapsed > 60.0 and not done:
		_finish(3, "timed out in turn %d" % turn)
	return done


func _on_message(msg):
	var kind = msg["type"]
	if kind == "hello_ack":
		print("HELLO ", to_json(msg))
		npc.say(LINES[0])
		return
	if kind == "error":
		_finish(4, "server error: " + to_json(msg))
		return
	types.append(kind)
	if kind == "expression":
		print("BLENDSHAPES ", msg["blendshapes"].size(), " jawOpen=", msg["blendshapes"]["jawOpen"])
	if kind == "visemes":
		print("VISEMES ", msg["frames"].size())
	if kind == "turn_end":
		print("TURN ", to_json(types))
		types = []
		turn += 1
		if turn < LINES.size():
			npc.say(LINES[turn])
		else:
			_finish(0, "ok")


func _on_closed():
	if not done:
		_finish(5, "connection closed")


func _finish(code, why):
	print("RESULT ", why)
	OS.exit_code = code
	done = true
	npc.close()
	quit()
