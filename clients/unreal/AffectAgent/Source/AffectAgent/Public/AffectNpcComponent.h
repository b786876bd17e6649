// An NPC's side of an affect-agent/1 session (docs/protocol.md) as an actor component: connect
// to `affect serve`, say the player's line, and get the NPC's reply, its emotion and the 52 ARKit
// blendshapes as Blueprint events. The protocol itself is the engine-free core in
// AffectProtocol.h, which CI compiles and runs against the server; this wrapper needs Unreal
// Engine 5 and is not built in CI (clients/unreal/README.md).
#pragma once

#include "Components/ActorComponent.h"
#include "CoreMinimal.h"

THIRD_PARTY_INCLUDES_START
#include "AffectProtocol.h"
THIRD_PARTY_INCLUDES_END

#include "AffectNpcComponent.generated.h"

class IWebSocket;

DECLARE_DYNAMIC_MULTICAST_DELEGATE_OneParam(FAffectConnected, const FString&, Session);
DECLARE_DYNAMIC_MULTICAST_DELEGATE_FiveParams(FAffectTurn, const FString&, Text, const FString&,
                                              Emotion, float, Valence, float, Liking,
                                              const FString&, Strategy);
DECLARE_DYNAMIC_MULTICAST_DELEGATE_OneParam(FAffectBlendshapes, const TMap<FName, float>&,
                                            Weights);
DECLARE_DYNAMIC_MULTICAST_DELEGATE_ThreeParams(FAffectError, const FString&, Code,
                                               const FString&, Message, bool, bFatal);

UCLASS(ClassGroup = (AffectAgent), meta = (BlueprintSpawnableComponent))
class AFFECTAGENT_API UAffectNpcComponent : public UActorComponent
{
	GENERATED_BODY()

public:
	/** ws:// address of `affect serve` (add --token when it listens beyond loopback). */
	UPROPERTY(EditAnywhere, BlueprintReadWrite, Category = "Affect Agent")
	FString ServerUrl = TEXT("ws://127.0.0.1:8765");

	/** A shipped persona (sage, grim, ...) or one from the server's --personas directory. */
	UPROPERTY(EditAnywhere, BlueprintReadWrite, Category = "Affect Agent")
	FString Persona = TEXT("sage");

	UPROPERTY(EditAnywhere, BlueprintReadWrite, Category = "Affect Agent")
	FString Token;

	/** Session id to resume (the server's --db keeps the conversation and the NPC's feelings). */
	UPROPERTY(EditAnywhere, BlueprintReadWrite, Category = "Affect Agent")
	FString Session;

	UPROPERTY(BlueprintAssignable, Category = "Affect Agent")
	FAffectConnected OnConnected;

	/** One per turn: the reply, the NPC's emotion label and valence, its liking of the player
	 *  (a relationship meter in [-1, 1]) and the support strategy. */
	UPROPERTY(BlueprintAssignable, Category = "Affect Agent")
	FAffectTurn OnTurn;

	/** ARKit blendshape name -> weight in [0, 1], all 52, once per turn. */
	UPROPERTY(BlueprintAssignable, Category = "Affect Agent")
	FAffectBlendshapes OnBlendshapes;

	/** A server error, or a lost connection (code "connection"). After a non-fatal error the
	 *  session goes on. */
	UPROPERTY(BlueprintAssignable, Category = "Affect Agent")
	FAffectError OnError;

	UFUNCTION(BlueprintCallable, Category = "Affect Agent")
	void Connect();

	UFUNCTION(BlueprintCallable, Category = "Affect Agent")
	void Say(const FString& Text);

	/** What happened in the game, for the NPC: desirability in [-1, 1]; praiseworthiness of
	 *  the player's deed in [-1, 1] when it was one (bIsDeed). */
	UFUNCTION(BlueprintCallable, Category = "Affect Agent")
	void SendGameEvent(const FString& Event, float Desirability, bool bIsDeed,
	                   float Praiseworthiness);

	/** Game time gone by at once (a night's sleep): the NPC's emotions fade, its liking does
	 *  not. */
	UFUNCTION(BlueprintCallable, Category = "Affect Agent")
	void PassTime(float Seconds);

	/** A value of the game world the persona's lines say ({room_price}). */
	UFUNCTION(BlueprintCallable, Category = "Affect Agent")
	void SetFact(const FString& Name, const FString& Value);

	UFUNCTION(BlueprintCallable, Category = "Affect Agent")
	void Disconnect();

	UFUNCTION(BlueprintPure, Category = "Affect Agent")
	bool IsReady() const { return bGreeted; }

protected:
	virtual void EndPlay(const EEndPlayReason::Type EndPlayReason) override;

private:
	// Not "SendMessage": windows.h defines that name as a macro.
	void SendProtocolMessage(const affect::json& Message);
	void HandleConnected();
	void HandleConnectionError(const FString& Error);
	void HandleClosed(int32 StatusCode, const FString& Reason, bool bWasClean);
	void HandleMessage(const FString& Message);
	void HandleBinary(const void* Data, SIZE_T Size, bool bIsLastFragment);
	void EmitTurn(const affect::Turn& Turn);

	TSharedPtr<IWebSocket> Socket;
	affect::TurnCollector Collector;
	bool bGreeted = false;
};
