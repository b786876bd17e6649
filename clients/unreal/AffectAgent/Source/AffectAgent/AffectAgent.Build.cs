// The AffectAgent runtime module: UAffectNpcComponent over Unreal's WebSockets module, and the
// engine-free protocol core (Public/AffectProtocol.h), which needs nlohmann/json: put its
// single header at Source/ThirdParty/nlohmann/json.hpp (clients/unreal/README.md).
using System.IO;
using UnrealBuildTool;

public class AffectAgent : ModuleRules
{
	public AffectAgent(ReadOnlyTargetRules Target) : base(Target)
	{
		PCHUsage = PCHUsageMode.UseExplicitOrSharedPCHs;
		// The protocol core reports a server's error as a C++ exception (affect::ServerError).
		bEnableExceptions = true;
		PublicIncludePaths.Add(Path.Combine(ModuleDirectory, "..", "ThirdParty"));
		PublicDependencyModuleNames.AddRange(new string[] { "Core", "CoreUObject", "Engine" });
		PrivateDependencyModuleNames.AddRange(new string[] { "WebSockets" });
	}
}
