# Godot 3 sample: drive a face mesh's ARKit-named blend shapes and lip-sync from an NPC session.
# Attach to a Node; set `face` to a MeshInstance whose mesh has blend shapes named like ARKit's
# (most ARKit-ready avatars). Copy clients/godot/affect_client.gd next to it.
extends Node

export(NodePath) var face_path
export(String) var url = "ws://127.0.0.1:8765"
export(String) var persona = "grim"

const VISEME_POSES = {
	"PP": {"mouthClose": 0.6}, "FF": {"mouthRollLower": 0.5}, "TH": {"tongueOut": 0.4},
	"aa": {"jawOpen": 0.6}, "E": {"jawOpen": 0.35}, "ih": {"jawOpen": 0.2},
	"oh": {"jawOpen": 0.4, "mouthFunnel": 0.5}, "ou": {"mouthPucker": 0.7},
}

var npc
var target = {}     # emotion blendshapes from the last `expression`
var current = {}    # what the face shows now (smoothed)
var visemes = []
var speech_t = -1.0


func _ready():
	npc = preload("res://affect_client.gd").new()
	npc.connect("message", self, "_on_message")
	npc.open(url, persona)


func _process(delta):
	npc.poll()
	var mouth = {}
	if speech_t >= 0.0:
		speech_t += delta
		for f in visemes:
			var t0 = f["start_ms"] / 1000.0
			if speech_t >= t0 and speech_t < t0 + f["duration_ms"] / 1000.0:
				mouth = VISEME_POSES.get(f["viseme"], {})
	var face = get_node(face_path)
	var keep = pow(0.5, delta / 0.15)   # halve the gap every 150 ms
	for name in target.keys():
		var goal = max(target[name], mouth.get(name, 0.0))
		current[name] = goal + (current.get(name, 0.0) - goal) * keep
		face.set("blend_shapes/" + name, current[name])


func say(text):
	npc.say(text)


func _on_message(msg):
	match msg["type"]:
		"expression":
			target = msg["blendshapes"]
		"visemes":
			visemes = msg["frames"]
			speech_t = 0.0
		"text_delta":
			print(msg["text"])
		"error":
			push_warning("npc: " + msg["message"])
