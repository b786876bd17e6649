# A Godot 3 client of the affect-agent/1 protocol: one NPC session over one WebSocket.
# Usage (from any Node): var npc = preload("res://affect_client.gd").new()
#   npc.connect("message", self, "_on_npc_message"); npc.open("ws://127.0.0.1:8765", "grim")
#   in _process: npc.poll(); then npc.say("Hello!") after "hello_ack".
# Messages arrive as Dictionaries in protocol order: text_delta..., emotion, expression
# (blendshapes: ARKit name -> weight), visemes (frames with start_ms/duration_ms), turn_end.
extends Reference

signal message(msg)
signal audio(pcm)
signal closed()

const PROTOCOL = "affect-agent/1"

var ws = WebSocketClient.new()
var hello = {}
var is_open = false


func _init():
	ws.connect("connection_established", self, "_on_open")
	ws.connect("data_received", self, "_on_data")
	ws.connect("connection_error", self, "_on_closed")
	ws.connect("connection_closed", self, "_on_closed_clean")


func open(url, persona = "sage", token = "", session = ""):
	hello = {"type": "hello", "protocol": PROTOCOL, "persona": persona}
	if token != "":
		hello["token"] = token
	if session != "":
		hello["session"] = session
	return ws.connect_to_url(url)


func poll():
	ws.poll()


func send(msg):
	if is_open:
		ws.get_peer(1).put_packet(to_json(msg).to_utf8())


func say(text):
	send({"type": "user_text", "text": text})


func game_event(event, desirability, praiseworthiness = null, actor = "player"):
	var msg = {"type": "game_event", "event": event, "actor": actor, "desirability": desirability}
	if praiseworthiness != null:
		msg["praiseworthiness"] = praiseworthiness
	send(msg)


# Game time gone by at once (a night's sleep, a fast travel): the NPC's emotions fade as over
# that many seconds; its liking does not.
func pass_time(seconds):
	send({"type": "time_passed", "seconds": seconds})


# Named facts of the game world (strings or numbers) for the persona's lines ({room_price}).
func set_facts(values):
	send({"type": "facts", "values": values})


func interrupt():
	send({"type": "interrupt"})


func close():
	ws.disconnect_from_host()


func _on_open(_protocol):
	ws.get_peer(1).set_write_mode(WebSocketPeer.WRITE_MODE_TEXT)
	is_open = true
	send(hello)


func _on_data():
	var peer = ws.get_peer(1)
	while peer.get_available_packet_count() > 0:
		var packet = peer.get_packet()
		if not peer.was_string_packet():
			emit_signal("audio", packet)
			continue
		var parsed = JSON.parse(packet.get_string_from_utf8())
		if parsed.error == OK and typeof(parsed.result) == TYPE_DICTIONARY:
			emit_signal("message", parsed.result)


func _on_closed():
	is_open = false
	emit_signal("closed")


func _on_closed_clean(_was_clean):
	_on_closed()
