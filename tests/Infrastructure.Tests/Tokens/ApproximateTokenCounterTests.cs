using System.Text.Json;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Infrastructure.Tokens;

namespace LlmPlatform.Infrastructure.Tests.Tokens;

/// <summary>The reservation estimate must not fall below the real tokenizer's count for ordinary prompts.</summary>
public sealed class ApproximateTokenCounterTests
{
    private static readonly string[] Samples = TextSamples.Ordinary;

    [Test]
    public void CountText_IsAtLeastTheRealCount([ValueSource(nameof(Samples))] string text)
    {
        var real = new TiktokenCounter().CountText(text);
        ApproximateTokenCounter.Instance.CountText(text).Should().BeGreaterThanOrEqualTo(real);
    }

    [Test]
    public void CountPrompt_IsAtLeastTheRealCount()
    {
        var messages = Samples.Select(s => new ChatMessage { Role = "user", Content = JsonSerializer.SerializeToElement(s) }).ToList();
        ApproximateTokenCounter.Instance.CountPrompt(messages).Should().BeGreaterThanOrEqualTo(new TiktokenCounter().CountPrompt(messages));
    }

    [Test]
    public void CountText_OfNothing_IsZero()
    {
        ApproximateTokenCounter.Instance.CountText(null).Should().Be(0);
        ApproximateTokenCounter.Instance.CountText(string.Empty).Should().Be(0);
    }

    [TestCase("\"abcdefghi\"", 3 + 4 + 3)]
    [TestCase("\"\"", 3 + 4)]
    [TestCase("\"abcd\"", 3 + 4 + 2)]
    [TestCase("[{\"type\":\"text\",\"text\":\"abcdefghi\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"x\"}}]", 3 + 4 + 3 + 85)]
    public void CountPrompt_CountsTheContentBytesAsSent(string contentJson, int expected)
    {
        // Three bytes a token, rounded up, plus the per-message and per-prompt overheads; an image part counts 85.
        using var document = JsonDocument.Parse(contentJson);
        var messages = new[] { new ChatMessage { Role = "user", Content = document.RootElement.Clone() } };
        ApproximateTokenCounter.Instance.CountPrompt(messages).Should().Be(expected);
    }
}
