// Unity sample: one NPC session over affect-agent/1, driving a SkinnedMeshRenderer's ARKit-named
// blend shapes. Needs com.unity.nuget.newtonsoft-json. Start `affect serve` first.
// Not compiled in this repository's CI (no Unity here); the protocol it speaks is tested by the
// Python and Godot clients.
using System;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using UnityEngine;

public class AffectNpc : MonoBehaviour
{
    public string url = "ws://127.0.0.1:8765";
    public string persona = "grim";
    public SkinnedMeshRenderer face;

    readonly ClientWebSocket ws = new ClientWebSocket();
    readonly ConcurrentQueue<JObject> inbox = new ConcurrentQueue<JObject>();
    readonly CancellationTokenSource stop = new CancellationTokenSource();

    async void Start()
    {
        await ws.ConnectAsync(new Uri(url), stop.Token);
        await Send(new JObject { ["type"] = "hello", ["protocol"] = "affect-agent/1", ["persona"] = persona });
        _ = Task.Run(Receive);
    }

    public Task Say(string text) => Send(new JObject { ["type"] = "user_text", ["text"] = text });

    Task Send(JObject msg)
    {
        var bytes = Encoding.UTF8.GetBytes(msg.ToString(Newtonsoft.Json.Formatting.None));
        return ws.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, true, stop.Token);
    }

    async Task Receive()
    {
        var buffer = new byte[1 << 16];
        var text = new StringBuilder();
        while (ws.State == WebSocketState.Open && !stop.IsCancellationRequested)
        {
            var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), stop.Token);
            if (result.MessageType == WebSocketMessageType.Close) break;
            if (result.MessageType == WebSocketMessageType.Binary) continue; // audio: feed an AudioClip
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (!result.EndOfMessage) continue;
            inbox.Enqueue(JObject.Parse(text.ToString()));
            text.Clear();
        }
    }

    void Update()
    {
        while (inbox.TryDequeue(out var msg))
        {
            switch ((string)msg["type"])
            {
                case "expression":
                    foreach (var kv in (JObject)msg["blendshapes"])
                    {
                        int index = face.sharedMesh.GetBlendShapeIndex(kv.Key);
                        if (index >= 0) face.SetBlendShapeWeight(index, 100f * (float)kv.Value);
                    }
                    break;
                case "text_delta":
                    Debug.Log((string)msg["text"]);
                    break;
                case "error":
                    Debug.LogWarning($"npc error {msg["code"]}: {msg["message"]}");
                    break;
            }
        }
    }

    void OnDestroy()
    {
        stop.Cancel();
        ws.Dispose();
    }
}
