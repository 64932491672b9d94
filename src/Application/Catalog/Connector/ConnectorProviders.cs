namespace LlmPlatform.Application.Catalog.Connector;

/// <summary>The Connector's providers this gateway can serve, and the LiteLLM provider prefix each one becomes.</summary>
public static class ConnectorProviders
{
    public const string BedrockConverse = "bedrock-converse";

    public const string OpenAiCompatible = "openai-compatible";

    public const string Mock = "mock";

    public static IReadOnlyList<string> All { get; } = [BedrockConverse, OpenAiCompatible, Mock];
}
