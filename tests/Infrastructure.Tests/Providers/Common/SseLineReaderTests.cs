using System.Text;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Tests.Providers.Common;

/// <summary>The upstream SSE parser: the event grammar, line ends, and bodies that arrive in pieces.</summary>
public sealed class SseLineReaderTests
{
    private static async Task<List<SseEvent>> ReadAllAsync(Stream body)
    {
        using var reader = new SseLineReader(body);
        var events = new List<SseEvent>();
        while (await reader.ReadEventAsync(CancellationToken.None) is { } next)
        {
            events.Add(next);
        }

        return events;
    }

    private static Stream Body(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    [Test]
    public async Task ReadEvent_JoinsDataLines_KeepsEventNames_AndSkipsComments()
    {
        var events = await ReadAllAsync(Body(": keep-alive\n\nevent: message_start\ndata: {\"a\":1}\n\ndata: first\ndata: second\n\ndata:no-space\n\n"));

        events.Should().Equal(
            new SseEvent("message_start", "{\"a\":1}"),
            new SseEvent(null, "first\nsecond"),
            new SseEvent(null, "no-space"));
    }

    [Test]
    public async Task ReadEvent_WithCrLfLineEnds_AndALastEventWithoutItsBlankLine()
    {
        var events = await ReadAllAsync(Body("data: one\r\n\r\ndata: two"));

        events.Should().Equal(new SseEvent(null, "one"), new SseEvent(null, "two"));
    }

    [Test]
    public async Task ReadEvent_WhenTheBodyArrivesOneByteAtATime_ReadsTheSameEvents()
    {
        var text = "event: e\ndata: {\"text\":\"h\u00e9llo \u4e16\u754c\"}\n\ndata: [DONE]\n\n";

        var events = await ReadAllAsync(new TrickleStream(Encoding.UTF8.GetBytes(text)));

        events.Should().Equal(new SseEvent("e", "{\"text\":\"h\u00e9llo \u4e16\u754c\"}"), new SseEvent(null, "[DONE]"));
    }

    [Test]
    public async Task ReadUtf8Event_AfterTheEnd_StaysAtTheEnd()
    {
        using var reader = new SseLineReader(Body("data: x\n\n"));

        (await reader.ReadUtf8EventAsync(CancellationToken.None)).Should().BeTrue();
        Encoding.UTF8.GetString(reader.Data.Span).Should().Be("x");
        (await reader.ReadUtf8EventAsync(CancellationToken.None)).Should().BeFalse();
        (await reader.ReadUtf8EventAsync(CancellationToken.None)).Should().BeFalse();
    }
}
