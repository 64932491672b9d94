using System.Text.Json;
using LlmPlatform.Application.Gateway.Caching;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Tests.Gateway.Caching;

public sealed class ResponseCacheKeyTests
{
    private static ChatCompletionRequest Parse(string json) =>
        JsonSerializer.Deserialize(json, GatewayJsonContext.Default.ChatCompletionRequest)!;

    private const string Base = """{"model":"m","messages":[{"role":"user","content":"hi"}],"temperature":0.5""";

    [Test]
    public void ForChat_WhenOnlyWhoAsksOrHowItTravelsDiffers_IsTheSame()
    {
        var plain = ResponseCacheKey.ForChat("m", Parse(Base + "}"));
        var decorated = ResponseCacheKey.ForChat("m", Parse(Base + ""","user":"u","metadata":{"a":1},"stream":true,"stream_options":{"include_usage":true},"cache":{"ttl":5},"tags":["t"]}"""));

        decorated.Should().Be(plain).And.MatchRegex("^[0-9a-f]{64}$");
    }

    [TestCase(""","seed":1""")]
    [TestCase(""","top_p":0.3""")]
    [TestCase(""","n":2""")]
    [TestCase(""","stop":["x"]""")]
    [TestCase(""","response_format":{"type":"json_object"}""")]
    [TestCase(""","tools":[{"type":"function","function":{"name":"f"}}]""")]
    [TestCase(""","top_k":3""")]
    public void ForChat_WhenAParameterThatChangesTheAnswerIsAdded_Differs(string extra)
    {
        var plain = ResponseCacheKey.ForChat("m", Parse(Base + "}"));

        ResponseCacheKey.ForChat("m", Parse(Base + extra + "}")).Should().NotBe(plain);
    }

    [Test]
    public void ForChat_WhenTheRequestedModelDiffers_Differs() =>
        ResponseCacheKey.ForChat("alias", Parse(Base + "}")).Should().NotBe(ResponseCacheKey.ForChat("m", Parse(Base + "}")));

    [Test]
    public void ForChat_WhenSeedsDifferBeyondDoublePrecision_Differs()
    {
        var one = ResponseCacheKey.ForChat("m", Parse(Base + ""","seed":9007199254740993}"""));
        var other = ResponseCacheKey.ForChat("m", Parse(Base + ""","seed":9007199254740992}"""));

        one.Should().NotBe(other);
    }

    [TestCase("\"yes\"")]
    [TestCase("{\"ttl\":-1}")]
    [TestCase("{\"ttl\":0}")]
    [TestCase("{\"no-store\":1}")]
    [TestCase("{\"namespace\":\"x\"}")]
    public void CacheControl_WhenMalformed_SaysWhatIsWrong(string value)
    {
        var fields = new Dictionary<string, JsonElement> { ["cache"] = JsonDocument.Parse(value).RootElement };

        CacheControl.Read(fields, out var error);

        error.Should().Contain("cache");
    }

    [Test]
    public void CacheControl_WhenWellFormed_ReadsEveryControl()
    {
        var fields = new Dictionary<string, JsonElement>
        {
            ["cache"] = JsonDocument.Parse("""{"no-cache":true,"no-store":false,"ttl":30,"s-maxage":0}""").RootElement,
        };

        var control = CacheControl.Read(fields, out var error);

        error.Should().BeNull();
        control.Should().Be(new CacheControl(true, false, TimeSpan.FromSeconds(30), TimeSpan.Zero));
    }
}
