namespace LlmPlatform.FakeUpstream;

/// <summary>The route names used for scripting, one per provider surface.</summary>
public static class Routes
{
    public const string OpenAiChat = "openai.chat";
    public const string AzureChat = "azure.chat";
    public const string AnthropicMessages = "anthropic.messages";
    public const string GeminiGenerate = "gemini.generate";
    public const string OllamaChat = "ollama.chat";
    public const string OpenAiCompletions = "openai.completions";
    public const string OpenAiEmbeddings = "openai.embeddings";
    public const string AzureEmbeddings = "azure.embeddings";
    public const string OpenAiModerations = "openai.moderations";
    public const string OpenAiImages = "openai.images";
    public const string OpenAiRerank = "openai.rerank";
    public const string CohereRerank = "cohere.rerank";
    public const string OllamaEmbed = "ollama.embed";
    public const string BedrockConverse = "bedrock.converse";
    public const string OpenAiFiles = "openai.files";
    public const string OpenAiBatches = "openai.batches";
}
