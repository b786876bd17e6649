// Headless check of AffectClient.cs: a 5-turn NPC conversation, a game event, and a malformed
// frame the session survives, grim's authored line before and after a price change (facts), and
// a night of game time after an insult. One line per turn with its message types.
// Build and run (Mono): mcs -r:Newtonsoft.Json.dll -out:conv.exe ../AffectClient.cs HeadlessConversation.cs
//                       AFFECT_URL=ws://127.0.0.1:PORT mono conv.exe
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AffectAgent;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

static class HeadlessConversation
{
    static readonly string[] Lines =
    {
        "Hello! I just arrived in this village.",
        "My brother went missing in the forest and I am so worried.",
        "Nobody here will help me look for him.",
        "Thank you, that really means a lot to me.",
        "I found him! He is safe!",
    };

    static int Main()
    {
        try
        {
            return Run().GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            Console.WriteLine("RESULT failed: " + e);
            return 2;
        }
    }

    static async Task<int> Run()
    {
        var url = new Uri(Environment.GetEnvironmentVariable("AFFECT_URL"));
        var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
        try
        {
            await AffectClient.ConnectAsync(url, "no-such-persona", cancel: cancel);
            Console.WriteLine("RESULT an unknown persona was accepted");
            return 4;
        }
        catch (AffectServerException e)
        {
            Console.WriteLine("REFUSED " + e.Code);
        }
        using (var npc = await AffectClient.ConnectAsync(url, "sage", cancel: cancel))
        {
            Console.WriteLine("HELLO " + npc.HelloAck.ToString(Formatting.None));
            foreach (var line in Lines)
            {
                var turn = await npc.SayAsync(line, cancel: cancel);
                Console.WriteLine("TURN " + JsonConvert.SerializeObject(turn.Types));
                Console.WriteLine("BLENDSHAPES " + turn.Blendshapes.Count + " jawOpen=" + turn.Blendshapes["jawOpen"]);
                Console.WriteLine("EMOTION " + turn.EmotionLabel + " " + (double)turn.Emotion["valence"]);
                Console.WriteLine("REPLY " + JsonConvert.SerializeObject(turn.Text));
            }
            await npc.SendRawAsync("{not json", cancel);
            try
            {
                await npc.CollectAsync(cancel);
                Console.WriteLine("RESULT no error for a malformed frame");
                return 3;
            }
            catch (AffectServerException e)
            {
                Console.WriteLine("ERROR " + e.Code + " fatal=" + e.Fatal);
            }
            var gift = await npc.GameEventAsync("player_gave_gift", 0.7, praiseworthiness: 0.6, cancel: cancel);
            Console.WriteLine("EVENT " + JsonConvert.SerializeObject(gift.Types) + " " + gift.EmotionLabel);
            await npc.CloseAsync();
        }
        using (var keeper = await AffectClient.ConnectAsync(url, "grim", cancel: cancel))
        {
            var room = await keeper.SayAsync("A room for the night, please.", cancel: cancel);
            Console.WriteLine("LINE " + room.Line + " " + room.Strategy + " " + JsonConvert.SerializeObject(room.Text));
            await keeper.SetFactsAsync(new Dictionary<string, object> { { "room_price", "seven silver" } }, cancel);
            var dearer = await keeper.SayAsync("A room, then?", cancel: cancel);
            Console.WriteLine("LINE " + dearer.Line + " " + dearer.Strategy + " " + JsonConvert.SerializeObject(dearer.Text));
            var hit = await keeper.GameEventAsync("insult", -0.6, praiseworthiness: -0.9, cancel: cancel);
            Console.WriteLine("LIKING " + dearer.Liking.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " " + hit.Liking.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var night = await keeper.PassTimeAsync(8 * 3600, cancel);
            Console.WriteLine("NIGHT " + JsonConvert.SerializeObject(night.Types) + " " + hit.EmotionLabel
                + " " + night.EmotionLabel);
            await keeper.CloseAsync();
        }
        Console.WriteLine("RESULT ok");
        return 0;
    }
}
