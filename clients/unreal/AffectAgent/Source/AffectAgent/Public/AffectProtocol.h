// The affect-agent/1 protocol (docs/protocol.md) without I/O or engine types: the messages a
// client sends, and the frames it receives gathered into turns. Standard C++17 and
// nlohmann/json (MIT, one header), so the same code runs inside Unreal (UAffectNpcComponent
// feeds it the frames of an IWebSocket) and in a plain program (clients/unreal/desktop, which
// tests/integration/test_server_unreal.py compiles with g++ and runs against `affect serve`).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace affect {

using json = nlohmann::json;

inline constexpr const char* kProtocol = "affect-agent/1";

// The server answered with an `error` message (code, message, ref, fatal). After a non-fatal
// one the session goes on as if the bad frame had not arrived.
class ServerError : public std::runtime_error {
 public:
  explicit ServerError(json error)
      : std::runtime_error(error.value("code", std::string()) + ": " +
                           error.value("message", std::string())),
        error_(std::move(error)) {}

  std::string code() const { return error_.value("code", std::string()); }
  bool fatal() const { return error_.value("fatal", false); }
  const json& error() const { return error_; }

 private:
  json error_;
};

// A frame that breaks the protocol itself (not JSON, no `type`, hello_ack missing).
class ProtocolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Everything the server sent for one turn, in arrival order; the PCM of its binary frames.
struct Turn {
  std::vector<json> messages;
  std::vector<std::uint8_t> audio;

  std::vector<std::string> types() const {
    std::vector<std::string> out;
    for (const auto& m : messages) out.push_back(m.at("type").get<std::string>());
    return out;
  }

  // The reply: every text_delta of the turn, joined.
  std::string text() const {
    std::string out;
    for (const auto& m : messages)
      if (m.at("type") == "text_delta") out += m.at("text").get<std::string>();
    return out;
  }

  // The first message of `type`; std::out_of_range when the turn has none.
  const json& first(const std::string& type) const {
    for (const auto& m : messages)
      if (m.at("type") == type) return m;
    throw std::out_of_range("no " + type + " message in this turn");
  }

  std::string emotion_label() const { return first("emotion").at("label").get<std::string>(); }
  double valence() const { return first("emotion").at("valence").get<double>(); }

  // The NPC's liking of the player now, in [-1, 1] (a relationship meter).
  std::optional<double> liking() const {
    const json& emotion = first("emotion");
    if (!emotion.contains("liking") || emotion.at("liking").is_null()) return std::nullopt;
    return emotion.at("liking").get<double>();
  }

  // The support strategy of the reply; empty for a turn with no reply (an event, time passed).
  std::string strategy() const {
    const json& end = first("turn_end");
    if (!end.contains("strategy") || !end.at("strategy").is_string()) return std::string();
    return end.at("strategy").get<std::string>();
  }

  // The topic of the persona's authored line that answered, if one did.
  std::optional<std::string> line() const {
    const json& end = first("turn_end");
    if (!end.contains("line") || end.at("line").is_null()) return std::nullopt;
    return end.at("line").get<std::string>();
  }

  // ARKit blendshape name -> weight in [0, 1] (all 52).
  std::map<std::string, float> blendshapes() const {
    return first("expression").at("blendshapes").get<std::map<std::string, float>>();
  }
};

// The messages a client sends ("Client messages" in docs/protocol.md).
namespace message {

inline json hello(const std::string& persona, const std::string& token = "",
                  const std::string& session = "", bool audio = false) {
  json m = {{"type", "hello"}, {"protocol", kProtocol}, {"persona", persona}};
  if (!token.empty()) m["token"] = token;
  if (!session.empty()) m["session"] = session;
  if (audio) m["audio"] = true;
  return m;
}

inline json user_text(const std::string& text, const std::string& turn_id = "") {
  json m = {{"type", "user_text"}, {"text", text}};
  if (!turn_id.empty()) m["turn_id"] = turn_id;
  return m;
}

// What happened in the game, appraised with OCC: desirability for the NPC in [-1, 1], and
// how praiseworthy the actor's deed was, if it was a deed.
inline json game_event(const std::string& event, double desirability,
                       std::optional<double> praiseworthiness = std::nullopt,
                       const std::string& actor = "player", const std::string& target = "self",
                       double likelihood = 1.0) {
  json m = {{"type", "game_event"}, {"event", event},       {"actor", actor},
            {"target", target},     {"desirability", desirability}, {"likelihood", likelihood}};
  if (praiseworthiness) m["praiseworthiness"] = *praiseworthiness;
  return m;
}

// Game time gone by at once (a night's sleep): the NPC's emotions fade, its liking does not.
inline json time_passed(double seconds) {
  return {{"type", "time_passed"}, {"seconds", seconds}};
}

// Named values of the game world (strings or numbers) the persona's lines say.
inline json facts(const json& values) { return {{"type", "facts"}, {"values", values}}; }

// The engine's own reading of the player, fused into the next turn.
inline json perception(const std::string& modality, double valence, double arousal,
                       double dominance, double confidence, const std::string& label = "") {
  json m = {{"type", "perception"},
            {"modality", modality},
            {"confidence", confidence},
            {"vad", {{"valence", valence}, {"arousal", arousal}, {"dominance", dominance}}}};
  if (!label.empty()) m["label"] = label;
  return m;
}

inline json interrupt() { return {{"type", "interrupt"}}; }

}  // namespace message

// One text frame as a JSON object with a `type`; ProtocolError otherwise.
inline json parse_frame(const std::string& frame) {
  json m = json::parse(frame, nullptr, /*allow_exceptions=*/false);
  if (m.is_discarded() || !m.is_object() || !m.contains("type") || !m.at("type").is_string())
    throw ProtocolError("the server sent a frame that is not a protocol message");
  return m;
}

// The server's answer to hello: the hello_ack, else its error as ServerError.
inline json expect_hello_ack(const std::string& frame) {
  json m = parse_frame(frame);
  if (m.at("type") == "error") throw ServerError(m);
  if (m.at("type") != "hello_ack") throw ProtocolError("expected hello_ack, got " + m.dump());
  return m;
}

// Gathers frames, in arrival order, into turns. An error message throws ServerError and drops
// whatever the unfinished turn held, so the next turn starts clean.
class TurnCollector {
 public:
  // The finished turn at its turn_end, else nothing yet.
  std::optional<Turn> on_text(const std::string& frame) {
    json m = parse_frame(frame);
    if (m.at("type") == "error") {
      current_ = Turn();
      throw ServerError(std::move(m));
    }
    const bool done = m.at("type") == "turn_end";
    current_.messages.push_back(std::move(m));
    if (!done) return std::nullopt;
    Turn finished = std::move(current_);
    current_ = Turn();
    return finished;
  }

  // 16-bit little-endian mono PCM between audio_start and audio_end.
  void on_binary(const std::uint8_t* data, std::size_t size) {
    current_.audio.insert(current_.audio.end(), data, data + size);
  }

 private:
  Turn current_;
};

}  // namespace affect
