using System.Text.Json;
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
    public void Answer_KeepsItsUpstreamJsonOnlyWhileUnchanged()
    {
        var relayed = new ChatCompletionResponse { Id = "a1", Model = "m", Choices = [], UpstreamJson = "{\"id\":\"a1\"}"u8.ToArray() };
        var built = relayed with { };
        built.UpstreamJson.Array.Should().BeNull("a copy may have been changed");

        relayed.UpstreamJson.Count.Should().Be(11);
        relayed.Should().Be(built);
        relayed.GetHashCode().Should().Be(built.GetHashCode());
        relayed.Should().NotBe(built with { Id = "a2" });
    }

    [Test]
    public void Answer_TakeUpstreamJson_HandsTheBytesOverOnce()
    {
        var answer = new ChatCompletionResponse { Id = "a1", Model = "m", Choices = [], UpstreamJson = "{\"id\":\"a1\"}"u8.ToArray() };

        answer.TakeUpstreamJson().Count.Should().Be(11);
        answer.TakeUpstreamJson().Array.Should().BeNull("the taker owns them now");
    }

    [Test]
    public void Answer_DeferredChoices_AreBuiltOnFirstRead_Once()
    {
        var builds = 0;
        var answer = new ChatCompletionResponse { Id = "a1", Model = "m" };
        answer.DeferChoices("[]"u8.ToArray(), _ =>
        {
            builds++;
            return [new ChatChoice { Message = new ChatResponseMessage { Content = "built" } }];
        });

        builds.Should().Be(0);
        answer.Choices.Single().Message.Content.Should().Be("built");
        answer.Choices.Should().HaveCount(1);
        builds.Should().Be(1);

        answer.Choices = [];
        answer.Choices.Should().BeEmpty("a set replaces what was deferred");
    }

    [Test]
    public void Answer_DeferredChoices_CannotBeReadOnceTheBytesAreHandedOver_NorInACopy()
    {
        var answer = new ChatCompletionResponse { Id = "a1", Model = "m", UpstreamJson = "{\"id\":\"a1\"}"u8.ToArray() };
        answer.DeferChoices("[]"u8.ToArray(), _ => []);
        var copy = answer with { Usage = Usage.Of(1, 1) };

        answer.TakeUpstreamJson();

        var original = () => answer.Choices;
        var copied = () => copy.Choices;
        original.Should().Throw<InvalidOperationException>("the bytes went back to their pool");
        copied.Should().Throw<InvalidOperationException>("a copy shared them");
    }

    [Test]
    public void TakeUpstreamJson_HandsTheBytesOverOnce()
    {
        var chunk = Chunk();

        chunk.TakeUpstreamJson().Count.Should().Be(11);
        chunk.TakeUpstreamJson().Array.Should().BeNull("the taker owns them now");
    }

    [Test]
    public void Parse_ReadsAChunk()
    {
        var chunk = JsonSerializer.Deserialize(
            """{"id":"c1","object":"chat.completion.chunk","created":7,"model":"m","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}],"extra":1}""",
            GatewayJsonContext.Default.ChatCompletionChunk)!;

        chunk.Id.Should().Be("c1");
        chunk.Created.Should().Be(7);
        chunk.Choices.Should().ContainSingle().Which.Delta.Content.Should().Be("Hi");
    }

    [TestCase("""{"model":"m","choices":[]}""")]
    [TestCase("""{"id":"c1","choices":[]}""")]
    [TestCase("""{"id":"c1","model":"m"}""")]
    [TestCase("""{"id":"c1","model":"m","choices":[{"index":0}]}""")]
    public void Parse_RefusesAChunkWithoutARequiredMember(string json)
    {
        var parse = () => JsonSerializer.Deserialize(json, GatewayJsonContext.Default.ChatCompletionChunk);
        parse.Should().Throw<JsonException>();
    }

    [Test]
    public void Parse_TakesAnAnswersNullChoicesAndMessageAsEmpty()
    {
        var none = JsonSerializer.Deserialize("""{"id":"a","model":"m","choices":null}""", GatewayJsonContext.Default.ChatCompletionResponse)!;
        none.Choices.Should().BeEmpty();

        var empty = JsonSerializer.Deserialize("""{"id":"a","model":"m","choices":[{"index":0,"message":null}]}""", GatewayJsonContext.Default.ChatCompletionResponse)!;
        empty.Choices.Single().Message.Should().Be(new ChatResponseMessage());
    }

    [TestCase("""{"model":"m","choices":[]}""")]
    [TestCase("""{"id":"a","model":"m"}""")]
    [TestCase("""{"id":"a","model":"m","choices":[{"index":0,"finish_reason":"stop"}]}""")]
    public void Parse_RefusesAnAnswerWithoutARequiredMember(string json)
    {
        var parse = () => JsonSerializer.Deserialize(json, GatewayJsonContext.Default.ChatCompletionResponse);
        parse.Should().Throw<JsonException>();
    }
}
