#include "AffectNpcComponent.h"

#include <algorithm>

#include "IWebSocket.h"
#include "Modules/ModuleManager.h"
#include "WebSocketsModule.h"

namespace
{
std::string ToUtf8(const FString& Text)
{
	return std::string(TCHAR_TO_UTF8(*Text));
}

FString FromUtf8(const std::string& Text)
{
	return FString(UTF8_TO_TCHAR(Text.c_str()));
}
}  // namespace

void UAffectNpcComponent::Connect()
{
	Disconnect();
	FWebSocketsModule& WebSockets = FModuleManager::LoadModuleChecked<FWebSocketsModule>(TEXT("WebSockets"));
	Socket = WebSockets.CreateWebSocket(ServerUrl);
	Socket->OnConnected().AddUObject(this, &UAffectNpcComponent::HandleConnected);
	Socket->OnConnectionError().AddUObject(this, &UAffectNpcComponent::HandleConnectionError);
	Socket->OnClosed().AddUObject(this, &UAffectNpcComponent::HandleClosed);
	Socket->OnMessage().AddUObject(this, &UAffectNpcComponent::HandleMessage);
	Socket->OnBinaryMessage().AddUObject(this, &UAffectNpcComponent::HandleBinary);
	Socket->Connect();
}

void UAffectNpcComponent::Say(const FString& Text)
{
	SendProtocolMessage(affect::message::user_text(ToUtf8(Text)));
}

void UAffectNpcComponent::SendGameEvent(const FString& Event, float Desirability, bool bIsDeed,
                                        float Praiseworthiness)
{
	std::optional<double> Deed;
	if (bIsDeed)
	{
		Deed = Praiseworthiness;
	}
	SendProtocolMessage(affect::message::game_event(ToUtf8(Event), Desirability, Deed));
}

void UAffectNpcComponent::PassTime(float Seconds)
{
	SendProtocolMessage(affect::message::time_passed(Seconds));
}

void UAffectNpcComponent::SetFact(const FString& Name, const FString& Value)
{
	SendProtocolMessage(affect::message::facts({{ToUtf8(Name), ToUtf8(Value)}}));
}

void UAffectNpcComponent::Disconnect()
{
	bGreeted = false;
	Collector = affect::TurnCollector();
	if (Socket.IsValid())
	{
		Socket->OnConnected().RemoveAll(this);
		Socket->OnConnectionError().RemoveAll(this);
		Socket->OnClosed().RemoveAll(this);
		Socket->OnMessage().RemoveAll(this);
		Socket->OnBinaryMessage().RemoveAll(this);
		if (Socket->IsConnected())
		{
			Socket->Close();
		}
		Socket.Reset();
	}
}

void UAffectNpcComponent::EndPlay(const EEndPlayReason::Type EndPlayReason)
{
	Disconnect();
	Super::EndPlay(EndPlayReason);
}

void UAffectNpcComponent::SendProtocolMessage(const affect::json& Message)
{
	if (!Socket.IsValid() || !Socket->IsConnected())
	{
		OnError.Broadcast(TEXT("connection"), TEXT("not connected to the affect server; call Connect first"), true);
		return;
	}
	Socket->Send(FromUtf8(Message.dump()));
}

void UAffectNpcComponent::HandleConnected()
{
	SendProtocolMessage(affect::message::hello(ToUtf8(Persona), ToUtf8(Token), ToUtf8(Session)));
}

void UAffectNpcComponent::HandleConnectionError(const FString& Error)
{
	bGreeted = false;
	OnError.Broadcast(TEXT("connection"), Error, true);
}

void UAffectNpcComponent::HandleClosed(int32 StatusCode, const FString& Reason, bool bWasClean)
{
	bGreeted = false;
	if (!bWasClean)
	{
		OnError.Broadcast(TEXT("connection"), FString::Printf(TEXT("closed (%d) %s"), StatusCode, *Reason), true);
	}
}

void UAffectNpcComponent::HandleMessage(const FString& Message)
{
	const std::string Frame = ToUtf8(Message);
	try
	{
		if (!bGreeted)
		{
			const affect::json Ack = affect::expect_hello_ack(Frame);
			bGreeted = true;
			OnConnected.Broadcast(FromUtf8(Ack.value("session", std::string())));
			return;
		}
		if (std::optional<affect::Turn> Turn = Collector.on_text(Frame))
		{
			EmitTurn(*Turn);
		}
	}
	catch (const affect::ServerError& Error)
	{
		OnError.Broadcast(FromUtf8(Error.code()), FromUtf8(Error.error().value("message", std::string())), Error.fatal());
	}
	catch (const std::exception& Error)
	{
		OnError.Broadcast(TEXT("protocol"), FromUtf8(Error.what()), true);
	}
}

void UAffectNpcComponent::HandleBinary(const void* Data, SIZE_T Size, bool bIsLastFragment)
{
	Collector.on_binary(static_cast<const std::uint8_t*>(Data), static_cast<std::size_t>(Size));
}

void UAffectNpcComponent::EmitTurn(const affect::Turn& Turn)
{
	const std::vector<std::string> Types = Turn.types();
	const bool bHasEmotion = std::find(Types.begin(), Types.end(), "emotion") != Types.end();
	const bool bHasExpression = std::find(Types.begin(), Types.end(), "expression") != Types.end();
	OnTurn.Broadcast(FromUtf8(Turn.text()),
	                 bHasEmotion ? FromUtf8(Turn.emotion_label()) : FString(),
	                 bHasEmotion ? static_cast<float>(Turn.valence()) : 0.f,
	                 bHasEmotion ? static_cast<float>(Turn.liking().value_or(0.0)) : 0.f,
	                 FromUtf8(Turn.strategy()));
	if (bHasExpression)
	{
		TMap<FName, float> Weights;
		for (const auto& Shape : Turn.blendshapes())
		{
			Weights.Add(FName(UTF8_TO_TCHAR(Shape.first.c_str())), Shape.second);
		}
		OnBlendshapes.Broadcast(Weights);
	}
}
