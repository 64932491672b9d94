using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Tests.Gateway;

/// <summary>The upstream's bytes travel with a chunk only while it is unchanged.</summary>
public sealed class ChatCompletionChunkTests
{
    private static ChatCompletionChunk Chunk() => new()
    {
        Id = "c1",
        Model = "m",
        Choices = [],
        Usage = Usage.Of(1, 2),
        UpstreamJson = new ArraySegment<byte>("{\"id\":\"c1\"}"u8.ToArray()),
    };

    [Test]
    public void With_ACopy_DropsTheUpstreamJson()
    {
        var changed = Chunk() with { Usage = null };

        changed.UpstreamJson.Array.Should().BeNull("the bytes no longer describe the changed chunk");
        changed.Id.Should().Be("c1");
        changed.Usage.Should().BeNull();
    }

    [Test]
    public void Equality_IgnoresTheUpstreamJson()
    {
        var relayed = Chunk();
        var built = Chunk();
        built.UpstreamJson = default;

        relayed.Should().Be(built);
        relayed.GetHashCode().Should().Be(built.GetHashCode());
        relayed.Should().NotBe(built with { Model = "other" });
    }

    [Test]
    public void TakeUpstreamJson_HandsTheBytesOverOnce()
    {
        var chunk = Chunk();

        chunk.TakeUpstreamJson().Count.Should().Be(11);
        chunk.TakeUpstreamJson().Array.Should().BeNull("the taker owns them now");
    }
}
