using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Tests.Providers.Common;

public sealed class UpstreamBodyTests
{
    private static byte[] Bytes(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(1_400)]
    [TestCase(100_000)]
    public async Task ReadPooledAsync_WithADeclaredLength_GivesExactlyTheBody(int length)
    {
        var body = Bytes(length);
        using var content = new ByteArrayContent(body);

        var read = await UpstreamBody.ReadPooledAsync(content, CancellationToken.None);

        read.Offset.Should().Be(0);
        read.AsSpan().ToArray().Should().Equal(body);
    }

    // Without a length (chunked) the buffer starts at 16 KB and doubles: bodies around and well past that size.
    [TestCase(0)]
    [TestCase(16 * 1024)]
    [TestCase((16 * 1024) + 1)]
    [TestCase(200_000)]
    public async Task ReadPooledAsync_WithoutALength_GathersTheWholeBody(int length)
    {
        var body = Bytes(length);
        using var content = new StreamContent(new TrickleStream(body, 1000));
        content.Headers.ContentLength.Should().BeNull("the stream's length is unknown, as a chunked answer's is");

        var read = await UpstreamBody.ReadPooledAsync(content, CancellationToken.None);

        read.AsSpan().ToArray().Should().Equal(body);
    }

    [Test]
    public async Task ReadPooledAsync_WhenTheBodyEndsShortOfItsDeclaredLength_Throws()
    {
        using var content = new StreamContent(new TrickleStream(Bytes(10), 4));
        content.Headers.ContentLength = 20;

        var read = async () => await UpstreamBody.ReadPooledAsync(content, CancellationToken.None);

        await read.Should().ThrowAsync<EndOfStreamException>();
    }
}
