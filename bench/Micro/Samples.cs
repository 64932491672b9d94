using System.Text;

namespace LlmPlatform.Micro;

/// <summary>Wire samples shaped like the benchmark's fake upstream: a 50-word answer, one chunk per word.</summary>
public static class Samples
{
    public const string SmallRequest = """
        {"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are a concise assistant."},{"role":"user","content":"Request 42: summarise the quarterly report in three sentences."}],"temperature":0.2,"max_tokens":256}
        """;

    public const string ToolsRequest = """
        {"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},"messages":[
        {"role":"system","content":"You are a travel assistant."},
        {"role":"user","content":"What is the weather in Paris and in Rome tomorrow?"},
        {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},
        {"role":"tool","tool_call_id":"call_1","content":"{\"forecast\":\"sunny\",\"high\":24}"},
        {"role":"user","content":[{"type":"text","text":"And Rome?"}]}],
        "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather forecast for a city","parameters":{"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer"}},"required":["city"]}}}],
        "tool_choice":"auto","user":"user-17","metadata":{"team":"travel"}}
        """;

    /// <summary>A whole (non-streamed) answer with the same 50 words.</summary>
    public static string Answer() =>
        "{\"id\":\"chatcmpl-fake-0123456789ab\",\"object\":\"chat.completion\",\"created\":1795374737,\"model\":\"gpt-4o-mini\","
        + "\"system_fingerprint\":\"fp_fake\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
        + string.Concat(Enumerable.Range(0, 50).Select(i => $" word{i}xxxxxxxxxxxxxxx"))
        + "\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":50,\"total_tokens\":90}}";

    public static string Chunk(int i) =>
        $$"""{"id":"chatcmpl-fake-0123456789ab","object":"chat.completion.chunk","created":1795374737,"model":"gpt-4o-mini","system_fingerprint":"fp_fake","choices":[{"index":0,"delta":{"content":" word{{i}}xxxxxxxxxxxxxxx"},"logprobs":null,"finish_reason":null}]}""";

    /// <summary>A whole upstream stream: a role chunk, 50 content chunks, a finish chunk, a usage chunk and [DONE].</summary>
    public static byte[] Stream()
    {
        var text = new StringBuilder();
        text.Append("data: ").Append("""{"id":"chatcmpl-fake-0123456789ab","object":"chat.completion.chunk","created":1795374737,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}""").Append("\n\n");
        for (var i = 0; i < 50; i++)
        {
            text.Append("data: ").Append(Chunk(i)).Append("\n\n");
        }

        text.Append("data: ").Append("""{"id":"chatcmpl-fake-0123456789ab","object":"chat.completion.chunk","created":1795374737,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""").Append("\n\n");
        text.Append("data: ").Append("""{"id":"chatcmpl-fake-0123456789ab","object":"chat.completion.chunk","created":1795374737,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":40,"completion_tokens":50,"total_tokens":90}}""").Append("\n\n");
        text.Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
