// A C# client of the affect-agent/1 protocol (docs/protocol.md): one NPC session over one
// WebSocket. Plain .NET (System.Net.WebSockets + Newtonsoft.Json), no UnityEngine types, so it
// runs in Unity (2019.4+, with the com.unity.nuget.newtonsoft-json package), in a .NET console
// program and under Mono; tests/integration/test_server_unity.py compiles and runs it with Mono.
//
//   using (var npc = await AffectClient.ConnectAsync(new Uri("ws://127.0.0.1:8765"), "grim"))
//   {
//       AffectTurn turn = await npc.SayAsync("You cheated me!");
//       Debug.Log(turn.Text + " / " + turn.EmotionLabel);   // Unity; Console.WriteLine elsewhere
//       foreach (var shape in turn.Blendshapes) face.SetBlendShapeWeight(index[shape.Key], 100f * shape.Value);
//   }
//
// Awaited from a MonoBehaviour, the continuations run on Unity's main thread.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AffectAgent
{
    /// <summary>The server answered with an <c>error</c> message (code, message, ref, fatal).</summary>
    public class AffectServerException : Exception
    {
        public readonly JObject Error;

        public AffectServerException(JObject error)
            : base((string)error["code"] + ": " + (string)error["message"])
        {
            Error = error;
        }

        public string Code { get { return (string)Error["code"]; } }
        public bool Fatal { get { return Error["fatal"] != null && (bool)Error["fatal"]; } }
    }

    /// <summary>Everything the server sent for one turn, in arrival order.</summary>
    public class AffectTurn
    {
        public readonly List<JObject> Messages = new List<JObject>();
        public byte[] Audio = new byte[0];

        public List<string> Types
        {
            get { return Messages.ConvertAll(m => (string)m["type"]); }
        }

        public string Text
        {
            get
            {
                var text = new StringBuilder();
                foreach (var m in Messages)
                    if ((string)m["type"] == "text_delta") text.Append((string)m["text"]);
                return text.ToString();
            }
        }

        public JObject First(string type)
        {
            foreach (var m in Messages)
                if ((string)m["type"] == type) return m;
            throw new KeyNotFoundException("no " + type + " message in this turn");
        }

        public JObject Emotion { get { return First("emotion"); } }
        public string EmotionLabel { get { return (string)Emotion["label"]; } }
        /// <summary>The NPC's liking of the player now, in [-1, 1] (a relationship meter).</summary>
        public double? Liking { get { return (double?)Emotion["liking"]; } }
        public string Strategy { get { return (string)First("turn_end")["strategy"]; } }
        /// <summary>Topic of the persona's authored line that answered, or null.</summary>
        public string Line { get { return (string)First("turn_end")["line"]; } }

        /// <summary>ARKit blendshape name -> weight in [0, 1] (all 52).</summary>
        public Dictionary<string, float> Blendshapes
        {
            get { return First("expression")["blendshapes"].ToObject<Dictionary<string, float>>(); }
        }

        /// <summary>Oculus visemes with start_ms, duration_ms and weight; time 0 is the first audio sample.</summary>
        public JArray Visemes { get { return (JArray)First("visemes")["frames"]; } }
    }

    /// <summary>One NPC session over one WebSocket connection.</summary>
    public class AffectClient : IDisposable
    {
        public const string Protocol = "affect-agent/1";
        const int ChunkBytes = 16 * 1024;

        readonly ClientWebSocket socket;
        public JObject HelloAck { get; private set; }

        AffectClient(ClientWebSocket socket)
        {
            this.socket = socket;
        }

        /// <summary>Connect, send hello and wait for hello_ack (or throw the server's error).</summary>
        public static async Task<AffectClient> ConnectAsync(Uri url, string persona = "sage",
            string token = null, string session = null, bool audio = false,
            CancellationToken cancel = default(CancellationToken))
        {
            var client = new AffectClient(new ClientWebSocket());
            try
            {
                await client.socket.ConnectAsync(url, cancel);
                var hello = new JObject { { "type", "hello" }, { "protocol", Protocol }, { "persona", persona } };
                if (!string.IsNullOrEmpty(token)) hello["token"] = token;
                if (!string.IsNullOrEmpty(session)) hello["session"] = session;
                if (audio) hello["audio"] = true;
                await client.SendAsync(hello, cancel);
                var ack = await client.ReceiveAsync(cancel) as JObject;
                if (ack != null && (string)ack["type"] == "error") throw new AffectServerException(ack);
                if (ack == null || (string)ack["type"] != "hello_ack")
                    throw new InvalidDataException("expected hello_ack, got "
                        + (ack == null ? "audio" : ack.ToString(Formatting.None)));
                client.HelloAck = ack;
                return client;
            }
            catch
            {
                client.Dispose();  // a refused or broken session leaves no socket behind
                throw;
            }
        }

        public Task SendAsync(JObject message, CancellationToken cancel = default(CancellationToken))
        {
            return SendRawAsync(message.ToString(Formatting.None), cancel);
        }

        /// <summary>Send one text frame as it is (the server answers a malformed one with an error).</summary>
        public Task SendRawAsync(string text, CancellationToken cancel = default(CancellationToken))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            return socket.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, true, cancel);
        }

        /// <summary>The next frame: a JObject for a text frame, a byte[] of PCM for a binary one.</summary>
        public async Task<object> ReceiveAsync(CancellationToken cancel = default(CancellationToken))
        {
            var buffer = new byte[ChunkBytes];
            using (var frame = new MemoryStream())
            {
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancel);
                    if (result.MessageType == WebSocketMessageType.Close)
                        throw new WebSocketException("the server closed the session: "
                            + result.CloseStatus + " " + result.CloseStatusDescription);
                    frame.Write(buffer, 0, result.Count);
                } while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Binary) return frame.ToArray();
                return JObject.Parse(Encoding.UTF8.GetString(frame.ToArray()));
            }
        }

        /// <summary>Messages until turn_end; an error message throws AffectServerException.</summary>
        public async Task<AffectTurn> CollectAsync(CancellationToken cancel = default(CancellationToken))
        {
            var turn = new AffectTurn();
            var audio = new MemoryStream();
            while (true)
            {
                var frame = await ReceiveAsync(cancel);
                var pcm = frame as byte[];
                if (pcm != null)
                {
                    audio.Write(pcm, 0, pcm.Length);
                    continue;
                }
                var message = (JObject)frame;
                if ((string)message["type"] == "error") throw new AffectServerException(message);
                turn.Messages.Add(message);
                if ((string)message["type"] == "turn_end")
                {
                    turn.Audio = audio.ToArray();
                    return turn;
                }
            }
        }

        /// <summary>Say something to the NPC and wait for its whole turn.</summary>
        public async Task<AffectTurn> SayAsync(string text, string turnId = null,
            CancellationToken cancel = default(CancellationToken))
        {
            var message = new JObject { { "type", "user_text" }, { "text", text } };
            if (turnId != null) message["turn_id"] = turnId;
            await SendAsync(message, cancel);
            return await CollectAsync(cancel);
        }

        /// <summary>Tell the NPC what happened in the game (OCC appraisal; docs/protocol.md).</summary>
        public async Task<AffectTurn> GameEventAsync(string gameEvent, double desirability,
            double? praiseworthiness = null, string actor = "player", string target = "self",
            double likelihood = 1.0, CancellationToken cancel = default(CancellationToken))
        {
            var message = new JObject
            {
                { "type", "game_event" }, { "event", gameEvent }, { "actor", actor },
                { "target", target }, { "desirability", desirability }, { "likelihood", likelihood },
            };
            if (praiseworthiness.HasValue) message["praiseworthiness"] = praiseworthiness.Value;
            await SendAsync(message, cancel);
            return await CollectAsync(cancel);
        }

        /// <summary>Game time gone by at once (a night's sleep, a fast travel): the NPC's
        /// emotions fade as over that many seconds; its liking does not.</summary>
        public async Task<AffectTurn> PassTimeAsync(double seconds,
            CancellationToken cancel = default(CancellationToken))
        {
            await SendAsync(new JObject { { "type", "time_passed" }, { "seconds", seconds } }, cancel);
            return await CollectAsync(cancel);
        }

        /// <summary>The engine's own reading of the player, fused into the next turn.</summary>
        public Task PerceptionAsync(string modality, double valence, double arousal, double dominance,
            double confidence, string label = null, CancellationToken cancel = default(CancellationToken))
        {
            var message = new JObject
            {
                { "type", "perception" }, { "modality", modality }, { "confidence", confidence },
                { "vad", new JObject { { "valence", valence }, { "arousal", arousal }, { "dominance", dominance } } },
            };
            if (label != null) message["label"] = label;
            return SendAsync(message, cancel);
        }

        /// <summary>Set named facts of the game world (strings or numbers) that the persona's
        /// lines say ({room_price}) and an LLM responder is told. No reply unless refused.</summary>
        public Task SetFactsAsync(IDictionary<string, object> values,
            CancellationToken cancel = default(CancellationToken))
        {
            var message = new JObject { { "type", "facts" }, { "values", JObject.FromObject(values) } };
            return SendAsync(message, cancel);
        }

        /// <summary>Drop the rest of the current turn; its turn_end says interrupted.</summary>
        public Task InterruptAsync(CancellationToken cancel = default(CancellationToken))
        {
            return SendAsync(new JObject { { "type", "interrupt" } }, cancel);
        }

        public async Task CloseAsync()
        {
            if (socket.State == WebSocketState.Open)
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }

        public void Dispose()
        {
            socket.Dispose();
        }
    }
}
