using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Application.Configuration;

/// <summary>The loaded configuration file: the LiteLLM-compatible subset LlmPlatform understands.</summary>
public sealed record PlatformConfiguration
{
    public required IReadOnlyList<ModelDeployment> Deployments { get; init; }

    /// <summary><c>credential_list</c>: credentials defined in the file (read-only through the API).</summary>
    public IReadOnlyList<Credential> Credentials { get; init; } = [];

    public RouterSettings Router { get; init; } = new();

    public GeneralSettings General { get; init; } = new();

    public GatewaySettings Gateway { get; init; } = new();

    /// <summary>Unknown keys and other things worth a warning at start-up; each names the file line.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The path of the file it came from, for messages.</summary>
    public string? SourcePath { get; init; }
}
