# Headless check of authored lines, facts and game time: Grim is told a new room price
# (set_facts), then asked for a room; prints the line's topic and the words. Then an hour of game
# time passes (pass_time); prints the message types of that turn and Grim's emotion.
# Run: AFFECT_URL=ws://127.0.0.1:PORT godot3-server --path clients/godot -s res://tests/headless_lines.gd
extends SceneTree

var npc
var text = ""
var night = []
var stage = 0
var elapsed = 0.0
var done = false


func _init():
	npc = load("res://affect_client.gd").new()
	npc.connect("message", self, "_on_message")
	npc.connect("closed", self, "_on_closed")
	var err = npc.open(OS.get_environment("AFFECT_URL"), "grim")
	if err != OK:
		_finish(2, "cannot connect: %s" % err)


func _idle(delta):
	elapsed += delta
	npc.poll()
	if elapsed > 60.0 and not done:
		_finish(3, "timed out")
	return done


func _on_message(msg):
	var kind = msg["type"]
	if kind == "hello_ack":
		npc.set_facts({"room_price": "seven silver"})
		npc.say("A room for the night, please.")
	elif kind == "error":
		_finish(4, "server error: " + to_json(msg))
	elif stage == 1:
		night.append(kind)
		if kind == "emotion":
			night.append(msg["label"])
		elif kind == "turn_end":
			print("NIGHT ", PoolStringArray(night).join(" "))
			_finish(0, "ok")
	elif kind == "text_delta":
		text += msg["text"]
	elif kind == "turn_end":
		print("LINE ", msg["line"], " ", text)
		stage = 1
		npc.pass_time(3600)


func _on_closed():
	if not done:
		_finish(5, "connection closed")


func _finish(code, why):
	print("RESULT ", why)
	OS.exit_code = code
	done = true
	npc.close()
	quit()
