namespace LlmPlatform.FakeUpstream;

/// <summary>The route names used for scripting, one per provider surface.</summary>
public static class Routes
{
    public const string OpenAiChat = "openai.chat";
    public const string AzureChat = "azure.chat";
    public const string AnthropicMessages = "anthropic.messages";
    public const string GeminiGenerate = "gemini.generate";
    public const string OllamaChat = "ollama.chat";
    public const string BedrockConverse = "bedrock.converse";
}
