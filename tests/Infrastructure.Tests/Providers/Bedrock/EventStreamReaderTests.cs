using System.Text;
using LlmPlatform.FakeUpstream;
using LlmPlatform.Infrastructure.Providers.Bedrock;

namespace LlmPlatform.Infrastructure.Tests.Providers.Bedrock;

public sealed class EventStreamReaderTests
{
    /// <summary>The "empty message" vector of AWS's event-stream tests: 16 bytes, no headers, no payload.</summary>
    private static readonly byte[] EmptyMessage = [0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x05, 0xc2, 0x48, 0xeb, 0x7d, 0x98, 0xc8, 0xff];

    private static async Task<List<(EventStreamMessage? Message, string? Error, string? Payload)>> ReadAllAsync(byte[] bytes)
    {
        using var reader = new EventStreamReader(new MemoryStream(bytes));
        var results = new List<(EventStreamMessage?, string?, string?)>();
        while (true)
        {
            var (message, error) = await reader.ReadAsync(CancellationToken.None);
            results.Add((message, error, message is null ? null : Encoding.UTF8.GetString(message.Payload.Span)));
            if (message is null)
            {
                return results;
            }
        }
    }

    [Test]
    public async Task ReadAsync_PublishedEmptyMessage_DecodesWithNoHeadersOrPayload()
    {
        var results = await ReadAllAsync(EmptyMessage);

        results.Should().HaveCount(2);
        results[0].Message!.Headers.Should().BeEmpty();
        results[0].Message!.Payload.Length.Should().Be(0);
        results[1].Should().Be((null, null, null));
    }

    [Test]
    public async Task ReadAsync_EventsBackToBack_DecodesHeadersAndPayloadsInOrder()
    {
        var bytes = EventStreamWriter.Event("messageStart", "{\"role\":\"assistant\"}")
            .Concat(EventStreamWriter.Event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}"))
            .Concat(EventStreamWriter.Exception("throttlingException", "slow down"))
            .ToArray();

        var results = await ReadAllAsync(bytes);

        results.Should().HaveCount(4);
        results[0].Message!.EventType.Should().Be("messageStart");
        results[0].Message!.MessageType.Should().Be("event");
        results[0].Payload.Should().Be("{\"role\":\"assistant\"}");
        results[1].Message!.EventType.Should().Be("contentBlockDelta");
        results[1].Payload.Should().Contain("\"text\":\"Hi\"");
        results[2].Message!.MessageType.Should().Be("exception");
        results[2].Message!.ExceptionType.Should().Be("throttlingException");
        results[2].Payload.Should().Be("{\"message\":\"slow down\"}");
        results[3].Message.Should().BeNull();
    }

    [Test]
    public async Task ReadAsync_LargePayload_GrowsTheBuffer()
    {
        var text = new string('x', 100_000);
        var results = await ReadAllAsync(EventStreamWriter.Event("contentBlockDelta", $"{{\"delta\":{{\"text\":\"{text}\"}}}}"));

        results[0].Payload.Should().Contain(text);
    }

    [Test]
    public async Task ReadAsync_CorruptPayloadByte_ReportsMessageCrcMismatch()
    {
        var bytes = EventStreamWriter.Event("messageStart", "{\"role\":\"assistant\"}");
        bytes[^6] ^= 0x01;

        var results = await ReadAllAsync(bytes);

        results[0].Message.Should().BeNull();
        results[0].Error.Should().Be("event-stream message CRC mismatch");
    }

    [Test]
    public async Task ReadAsync_CorruptPrelude_ReportsPreludeCrcMismatch()
    {
        var bytes = (byte[])EmptyMessage.Clone();
        bytes[3] = 0x11;

        var results = await ReadAllAsync(bytes);

        results[0].Error.Should().Be("event-stream prelude CRC mismatch");
    }

    [Test]
    public async Task ReadAsync_BodyEndsInsideAMessage_Throws()
    {
        var bytes = EventStreamWriter.Event("messageStart", "{\"role\":\"assistant\"}")[..20];

        var act = () => ReadAllAsync(bytes);

        await act.Should().ThrowAsync<EndOfStreamException>();
    }
}
