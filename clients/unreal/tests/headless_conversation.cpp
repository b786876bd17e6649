// Headless check of the Unreal client's protocol core (AffectProtocol.h) over the desktop
// transport: a 5-turn NPC conversation, a refused persona, a malformed frame the session
// survives, a game event, grim's authored line before and after a price change (facts), and a
// night of game time after an insult. One line per check, as the Unity and Godot tests print.
// Build and run:
//   g++ -std=c++17 -I../AffectAgent/Source/AffectAgent/Public -I../desktop
//       headless_conversation.cpp -o conversation -pthread
//   AFFECT_URL=ws://127.0.0.1:PORT ./conversation
#include <cstdlib>
#include <iostream>
#include <string>

#include "affect_client.hpp"

namespace {

const char* kLines[] = {
    "Hello! I just arrived in this village.",
    "My brother went missing in the forest and I am so worried.",
    "Nobody here will help me look for him.",
    "Thank you, that really means a lot to me.",
    "I found him! He is safe!",
};

int run(const std::string& url) {
  try {
    affect::Client::connect(url, "no-such-persona");
    std::cout << "RESULT an unknown persona was accepted" << std::endl;
    return 4;
  } catch (const affect::ServerError& e) {
    std::cout << "REFUSED " << e.code() << std::endl;
  }
  {
    auto npc = affect::Client::connect(url, "sage");
    std::cout << "HELLO " << npc->hello_ack().dump() << std::endl;
    for (const char* line : kLines) {
      affect::Turn turn = npc->say(line);
      std::cout << "TURN " << affect::json(turn.types()).dump() << "\n"
                << "BLENDSHAPES " << turn.blendshapes().size()
                << " jawOpen=" << turn.blendshapes().at("jawOpen") << "\n"
                << "EMOTION " << turn.emotion_label() << " " << turn.valence() << "\n"
                << "REPLY " << affect::json(turn.text()).dump() << std::endl;
    }
    npc->send_raw("{not json");
    try {
      npc->collect();
      std::cout << "RESULT no error for a malformed frame" << std::endl;
      return 3;
    } catch (const affect::ServerError& e) {
      std::cout << "ERROR " << e.code() << " fatal=" << (e.fatal() ? "True" : "False")
                << std::endl;
    }
    affect::Turn gift = npc->game_event("player_gave_gift", 0.7, 0.6);
    std::cout << "EVENT " << affect::json(gift.types()).dump() << " " << gift.emotion_label()
              << std::endl;
  }
  {
    auto keeper = affect::Client::connect(url, "grim");
    affect::Turn room = keeper->say("A room for the night, please.");
    std::cout << "LINE " << room.line().value_or("-") << " " << room.strategy() << " "
              << affect::json(room.text()).dump() << std::endl;
    keeper->set_facts({{"room_price", "seven silver"}});
    affect::Turn dearer = keeper->say("A room, then?");
    std::cout << "LINE " << dearer.line().value_or("-") << " " << dearer.strategy() << " "
              << affect::json(dearer.text()).dump() << std::endl;
    affect::Turn hit = keeper->game_event("insult", -0.6, -0.9);
    std::cout << "LIKING " << dearer.liking().value() << " " << hit.liking().value() << std::endl;
    affect::Turn night = keeper->pass_time(8 * 3600);
    std::cout << "NIGHT " << affect::json(night.types()).dump() << " " << hit.emotion_label() << " "
              << night.emotion_label() << std::endl;
  }
  std::cout << "RESULT ok" << std::endl;
  return 0;
}

}  // namespace

int main() {
  const char* url = std::getenv("AFFECT_URL");
  if (url == nullptr) {
    std::cout << "RESULT failed: set AFFECT_URL to the server's ws:// address" << std::endl;
    return 2;
  }
  try {
    return run(url);
  } catch (const std::exception& e) {
    std::cout << "RESULT failed: " << e.what() << std::endl;
    return 2;
  }
}
