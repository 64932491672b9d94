namespace LlmPlatform.Infrastructure.Tests.Tokens;

/// <summary>Ordinary prompt text in several shapes and scripts, shared by the token counter tests.</summary>
internal static class TextSamples
{
    public static readonly string[] Ordinary =
    [
        "Hello, how are you today? Please summarise the following report in three sentences.",
        "def fibonacci(n):\n    if n <= 1:\n        return n\n    return fibonacci(n - 1) + fibonacci(n - 2)\n",
        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"temperature\":0.2}",
        "東京は日本の首都です。人口は約千四百万人です。",
        "Die schnelle braune Füchsin springt über den faulen Hund, während es regnet.",
    ];
}
