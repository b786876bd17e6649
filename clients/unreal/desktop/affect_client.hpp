// A blocking affect-agent/1 client for programs outside an engine (tools, dedicated servers,
// the headless test): the protocol core (AffectProtocol.h) over websocketpp with standalone
// Asio. Debian: apt-get install libwebsocketpp-dev libasio-dev nlohmann-json3-dev.
//
//   auto npc = affect::Client::connect("ws://127.0.0.1:8765", "grim");
//   affect::Turn turn = npc->say("You cheated me!");
//   std::cout << turn.text() << " / " << turn.emotion_label() << "\n";
#pragma once

#ifndef ASIO_STANDALONE
#define ASIO_STANDALONE
#endif

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include <websocketpp/client.hpp>
#include <websocketpp/config/asio_no_tls_client.hpp>

#include "AffectProtocol.h"

namespace affect {

class Client {
 public:
  using Clock = std::chrono::steady_clock;

  // Connect, send hello and wait for hello_ack; ServerError when the server refuses (an unknown
  // persona, a wrong token), std::runtime_error when it cannot be reached in `timeout`.
  static std::unique_ptr<Client> connect(const std::string& url, const std::string& persona,
                                         const std::string& token = "",
                                         const std::string& session = "",
                                         std::chrono::seconds timeout = std::chrono::seconds(60)) {
    std::unique_ptr<Client> client(new Client(timeout));
    client->open(url);
    client->send(message::hello(persona, token, session));
    client->hello_ack_ = expect_hello_ack(client->next_text());
    return client;
  }

  ~Client() {
    close();
    endpoint_.stop_perpetual();
    if (io_.joinable()) io_.join();
  }

  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  const json& hello_ack() const { return hello_ack_; }

  void send(const json& m) { send_raw(m.dump()); }

  // One text frame as it is (the server answers a malformed one with a non-fatal error).
  void send_raw(const std::string& text) {
    websocketpp::lib::error_code ec;
    endpoint_.send(connection_, text, websocketpp::frame::opcode::text, ec);
    if (ec) throw std::runtime_error("could not send: " + ec.message());
  }

  // Frames until turn_end; an error message throws ServerError.
  Turn collect() {
    TurnCollector collector;
    for (;;) {
      Frame frame = next();
      if (frame.binary) {
        collector.on_binary(reinterpret_cast<const std::uint8_t*>(frame.data.data()),
                            frame.data.size());
        continue;
      }
      if (auto turn = collector.on_text(frame.data)) return std::move(*turn);
    }
  }

  Turn say(const std::string& text, const std::string& turn_id = "") {
    send(message::user_text(text, turn_id));
    return collect();
  }

  Turn game_event(const std::string& event, double desirability,
                  std::optional<double> praiseworthiness = std::nullopt) {
    send(message::game_event(event, desirability, praiseworthiness));
    return collect();
  }

  Turn pass_time(double seconds) {
    send(message::time_passed(seconds));
    return collect();
  }

  // No reply unless refused: a refusal arrives as the next turn's error.
  void set_facts(const json& values) { send(message::facts(values)); }

  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!open_) return;
    open_ = false;
    websocketpp::lib::error_code ec;
    endpoint_.close(connection_, websocketpp::close::status::normal, "bye", ec);
  }

 private:
  using Endpoint = websocketpp::client<websocketpp::config::asio_client>;
  struct Frame {
    bool binary;
    std::string data;
  };

  explicit Client(std::chrono::seconds timeout) : timeout_(timeout) {
    endpoint_.clear_access_channels(websocketpp::log::alevel::all);
    endpoint_.clear_error_channels(websocketpp::log::elevel::all);
    endpoint_.init_asio();
    endpoint_.start_perpetual();
    io_ = std::thread([this] { endpoint_.run(); });
  }

  void open(const std::string& url) {
    websocketpp::lib::error_code ec;
    auto connection = endpoint_.get_connection(url, ec);
    if (ec) throw std::runtime_error("bad server address " + url + ": " + ec.message());
    connection->set_open_handler([this](websocketpp::connection_hdl) {
      std::lock_guard<std::mutex> lock(mutex_);
      open_ = true;
      ready_.notify_all();
    });
    connection->set_fail_handler([this](websocketpp::connection_hdl) { end("could not connect"); });
    connection->set_close_handler([this](websocketpp::connection_hdl) {
      end("the server closed the session");
    });
    connection->set_message_handler([this](websocketpp::connection_hdl, Endpoint::message_ptr m) {
      std::lock_guard<std::mutex> lock(mutex_);
      frames_.push_back({m->get_opcode() == websocketpp::frame::opcode::binary, m->get_payload()});
      ready_.notify_all();
    });
    connection_ = connection->get_handle();
    endpoint_.connect(connection);
    std::unique_lock<std::mutex> lock(mutex_);
    if (!ready_.wait_until(lock, Clock::now() + timeout_, [this] { return open_ || !ended_.empty(); }))
      throw std::runtime_error("no answer from " + url);
    if (!open_) throw std::runtime_error(ended_ + ": " + url);
  }

  void end(const std::string& why) {
    std::lock_guard<std::mutex> lock(mutex_);
    open_ = false;
    ended_ = why;
    ready_.notify_all();
  }

  // The next frame, waiting up to the timeout; frames already received are read first.
  Frame next() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!ready_.wait_until(lock, Clock::now() + timeout_,
                           [this] { return !frames_.empty() || !ended_.empty(); }))
      throw std::runtime_error("the server sent nothing for " +
                               std::to_string(timeout_.count()) + " s");
    if (frames_.empty()) throw std::runtime_error(ended_);
    Frame frame = std::move(frames_.front());
    frames_.pop_front();
    return frame;
  }

  std::string next_text() {
    Frame frame = next();
    if (frame.binary) throw ProtocolError("expected a text frame, got audio");
    return frame.data;
  }

  std::chrono::seconds timeout_;
  Endpoint endpoint_;
  std::thread io_;
  websocketpp::connection_hdl connection_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Frame> frames_;
  bool open_ = false;
  std::string ended_;
  json hello_ack_;
};

}  // namespace affect
