using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Foundation;

/// <summary>Authentication, error envelopes and request ids on the real API.</summary>
public sealed class RequestEnvelopeTests
{
    private const string Config = """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo
        general_settings:
          max_request_size_mb: 1
        """;

    private ApiServer _api = null!;
    private HttpClient _anonymous = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiServer.StartAsync(Config);
        _anonymous = new HttpClient { BaseAddress = _api.BaseUri };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _anonymous.Dispose();
        await _api.DisposeAsync();
    }

    private static async Task<JsonElement> ErrorOf(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain("   at ", "no stack trace may reach a client");
        using var document = JsonDocument.Parse(body);
        document.RootElement.GetProperty("request_id").GetString().Should().Be(response.Headers.GetValues("x-request-id").Single());
        var error = document.RootElement.GetProperty("error").Clone();
        error.GetProperty("message").GetString().Should().NotBeNullOrWhiteSpace();
        error.GetProperty("type").GetString().Should().NotBeNullOrWhiteSpace();
        error.TryGetProperty("param", out _).Should().BeTrue();
        error.TryGetProperty("code", out _).Should().BeTrue();
        return error;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [TestCase("v1/models")]
    [TestCase("models")]
    [TestCase("v1/chat/completions")]
    public async Task Request_WithoutKey_Is401InTheEnvelope(string path)
    {
        using var response = path.Contains("chat", StringComparison.Ordinal)
            ? await _anonymous.PostAsync(path, Json("""{"model":"demo","messages":[{"role":"user","content":"x"}]}"""))
            : await _anonymous.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ErrorOf(response)).GetProperty("type").GetString().Should().Be("authentication_error");
    }

    [TestCase("Bearer sk-wrong-key-000000000000000000000000")]
    [TestCase("Bearer ")]
    [TestCase("Basic dXNlcjpwYXNz")]
    public async Task Request_WithWrongKey_Is401InTheEnvelope(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/models");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await _anonymous.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ErrorOf(response)).GetProperty("code").GetString().Should().Be("invalid_api_key");
    }

    [Test]
    public async Task Request_WithXApiKeyHeader_IsAuthenticated()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/models");
        request.Headers.Add("x-api-key", ApiServer.MasterKey);
        using var response = await _anonymous.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase("{\"model\":\"demo\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}", null)]
    [TestCase("not json at all", null)]
    [TestCase("", null)]
    [TestCase("[1,2,3]", null)]
    [TestCase("null", null)]
    [TestCase("{\"model\":\"demo\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"temperature\":\"hot\"}", "temperature")]
    [TestCase("{\"model\":\"demo\",\"messages\":\"hello\"}", "messages")]
    [TestCase("{\"model\":42,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "model")]
    [TestCase("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "model")]
    [TestCase("{\"model\":\"demo\"}", "messages")]
    [TestCase("{\"model\":\"demo\",\"messages\":[]}", "messages")]
    [TestCase("{\"model\":\"demo\",\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}", "messages")]
    [TestCase("{\"model\":\"demo\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"temperature\":7}", "temperature")]
    [TestCase("{\"model\":\"demo\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"n\":0}", "n")]
    [TestCase("{\"model\":\"demo\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":-1}", "max_tokens")]
    [TestCase("{\"model\":\"demo\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"response_format\":\"json\"}", "response_format")]
    [TestCase("{\"model\":\"demo\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"seed\":\"x\"}", "seed")]
    [TestCase("{\"model\":\"demo\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} {}", null)]
    [TestCase("{\"model\":\"demo\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}x", null)]
    public async Task ChatCompletion_WithBadBody_Is400InTheEnvelope(string body, string? param)
    {
        using var response = await _api.Client.PostAsync("v1/chat/completions", Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await ErrorOf(response);
        error.GetProperty("type").GetString().Should().Be("invalid_request_error");
        error.GetProperty("message").GetString().Should().NotContainAny("System.", "LlmPlatform.", "`1");
        if (param is not null)
        {
            error.GetProperty("param").GetString().Should().Be(param);
        }
    }

    // Bodies from one to hundreds of kilobytes: read whole in one pass or parsed as they arrive, the answer is the same.
    [TestCase(10)]
    [TestCase(20_000)]
    [TestCase(300_000)]
    public async Task ChatCompletion_WithBodiesOfAnySize_IsAnsweredOrRefusedTheSame(int length)
    {
        var valid = $$"""{"model":"demo","messages":[{"role":"user","content":"{{new string('a', length)}}"}]}""";

        using var answered = await _api.Client.PostAsync("v1/chat/completions", Json(valid));
        using var refused = await _api.Client.PostAsync("v1/chat/completions", Json(valid + " trailing"));

        answered.StatusCode.Should().Be(HttpStatusCode.OK);
        using var answer = JsonDocument.Parse(await answered.Content.ReadAsStringAsync());
        answer.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString().Should().NotBeNullOrEmpty();
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(refused)).GetProperty("type").GetString().Should().Be("invalid_request_error");
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task ChatCompletion_WithABodyThatArrivesInPieces_IsReadWhole(bool declareLength)
    {
        var json = Encoding.UTF8.GetBytes("""{"model":"demo","messages":[{"role":"user","content":"sent in two pieces"}],"max_tokens":5}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = new SlowContent(json, declareLength) };

        using var response = await _api.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        answer.RootElement.GetProperty("object").GetString().Should().Be("chat.completion");
    }

    /// <summary>A body written in two halves with a pause between them (chunked unless its length is declared).</summary>
    private sealed class SlowContent : HttpContent
    {
        private readonly byte[] _json;
        private readonly bool _declareLength;

        public SlowContent(byte[] json, bool declareLength)
        {
            _json = json;
            _declareLength = declareLength;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var half = _json.Length / 2;
            await stream.WriteAsync(_json.AsMemory(0, half));
            await stream.FlushAsync();
            await Task.Delay(100);
            await stream.WriteAsync(_json.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _json.Length;
            return _declareLength;
        }
    }

    [Test]
    public async Task ChatCompletion_WithOversizedBody_Is413InTheEnvelope()
    {
        var big = new string('a', 2 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = Json($$"""{"model":"demo","messages":[{"role":"user","content":"{{big}}"}]}"""),
        };

        // With Expect: 100-continue the server refuses before the body is sent, so the answer cannot race the upload.
        request.Headers.ExpectContinue = true;
        using var response = await _api.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await ErrorOf(response)).GetProperty("code").GetString().Should().Be("request_too_large");
    }

    [Test]
    public async Task ChatCompletion_WithWrongContentType_Is4xxInTheEnvelope()
    {
        using var response = await _api.Client.PostAsync("v1/chat/completions", new StringContent("model=demo", Encoding.UTF8, "application/x-www-form-urlencoded"));

        ((int)response.StatusCode).Should().BeInRange(400, 499);
        await ErrorOf(response);
    }

    [Test]
    public async Task ChatCompletion_WithoutContentType_Is415InTheEnvelope()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"model\":\"demo\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"));
        using var response = await _api.Client.PostAsync("v1/chat/completions", content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        var error = await ErrorOf(response);
        error.GetProperty("code").GetString().Should().Be("unsupported_media_type");
        error.GetProperty("message").GetString().Should().Be("The request body must be sent as application/json or application/*+json.", "the endpoint says what it takes");
    }

    [Test]
    public async Task UnknownRoute_Is404InTheEnvelope()
    {
        using var response = await _api.Client.GetAsync("v1/does-not-exist");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ErrorOf(response)).GetProperty("type").GetString().Should().Be("not_found_error");
    }

    [Test]
    public async Task FileUpload_AsJson_Is415AskingForMultipart()
    {
        using var response = await _api.Client.PostAsync("v1/files", new StringContent("{\"purpose\":\"batch\"}", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        var error = await ErrorOf(response);
        error.GetProperty("code").GetString().Should().Be("unsupported_media_type");
        error.GetProperty("message").GetString().Should().Contain("file uploads (POST /v1/files) take multipart/form-data");
    }

    [TestCase("v1/completions", """{"prompt":"hi"}""", "missing_parameter", "model")]
    [TestCase("v1/chat/completions", """{"messages":[{"role":"user","content":"x"}]}""", "missing_parameter", "model")]
    [TestCase("v1/chat/completions", """{"model":null,"messages":[{"role":"user","content":"x"}]}""", "missing_parameter", "model")]
    [TestCase("v1/chat/completions", """{"model":"demo","messages":[]}""", "invalid_request_error", "messages")]
    [TestCase("v1/chat/completions", """{"model":"demo"}""", "missing_parameter", "messages")]
    public async Task RequiredField_LeftOut_IsMissingParameter_ButSentEmpty_IsNot(string path, string body, string code, string param)
    {
        using var response = await _api.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await ErrorOf(response);
        error.GetProperty("type").GetString().Should().Be("invalid_request_error");
        error.GetProperty("code").GetString().Should().Be(code);
        error.GetProperty("param").GetString().Should().Be(param);
    }

    [Test]
    public async Task WrongMethod_Is405InTheEnvelope()
    {
        using var response = await _api.Client.DeleteAsync("v1/chat/completions");
        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        await ErrorOf(response);
    }

    [Test]
    public async Task Response_EchoesTheClientsRequestId()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/models");
        request.Headers.Add("x-request-id", "client-chosen-id-42");
        using var response = await _api.Client.SendAsync(request);
        response.Headers.GetValues("x-request-id").Should().Equal("client-chosen-id-42");
    }

    [Test]
    public async Task Response_WithoutClientRequestId_GetsAFreshOneEvenOnErrors()
    {
        using var ok = await _api.Client.GetAsync("v1/models");
        using var unauthorized = await _anonymous.GetAsync("v1/models");

        var first = ok.Headers.GetValues("x-request-id").Single();
        var second = unauthorized.Headers.GetValues("x-request-id").Single();
        first.Should().NotBeNullOrWhiteSpace();
        second.Should().NotBeNullOrWhiteSpace().And.NotBe(first);
    }

    [Test]
    public void NewRequestIds_AreUniqueTimeOrderedUuidV7s()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ids = Enumerable.Range(0, 20_000).Select(_ => Hosting.RequestIdMiddleware.NewId()).ToList();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        ids.Should().OnlyHaveUniqueItems();
        ids.Should().AllSatisfy(id => id.Should().MatchRegex("^req_[0-9a-f]{12}7[0-9a-f]{3}[89ab][0-9a-f]{15}$"));
        var stamps = ids.Select(id => Convert.ToInt64(id[4..16], 16)).ToList();
        stamps.Should().BeInAscendingOrder().And.OnlyContain(ms => ms >= before && ms <= after);
    }

    [Test]
    public async Task Models_ListsTheConfiguredGroups_OnBothPaths()
    {
        foreach (var path in new[] { "v1/models", "models" })
        {
            using var response = await _api.Client.GetAsync(path);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            document.RootElement.GetProperty("object").GetString().Should().Be("list");
            document.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).Should().Equal("demo");
        }
    }

    [Test]
    public async Task OpenApiDocument_DescribesTheChatRequestAndResponse()
    {
        using var response = await _anonymous.GetAsync("openapi.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var chat = document.RootElement.GetProperty("paths").GetProperty("/v1/chat/completions").GetProperty("post");
        chat.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()
            .Should().EndWith("ChatCompletionRequest");
        chat.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()
            .Should().EndWith("ChatCompletionResponse");
        var schema = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ChatCompletionRequest").GetProperty("properties");
        schema.TryGetProperty("max_completion_tokens", out _).Should().BeTrue("schemas use the wire's snake_case names");
    }

    [TestCase("docs")]
    [TestCase("redoc")]
    public async Task DocumentationPages_AreServed(string path)
    {
        using var response = await _anonymous.GetAsync(path + "/index.html");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain(path == "docs" ? "swagger-ui" : "redoc");
    }

    [Test]
    public async Task Metrics_ArePrometheusText()
    {
        using var _ = await _api.Client.GetAsync("v1/models");
        using var response = await _anonymous.GetAsync("metrics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("# TYPE http_server_request_duration_seconds histogram");
    }

    [TestCase("--zz\r\nbroken")]
    [TestCase("--zz\r\n\r\n")]
    [TestCase("--zz\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbat")]
    [TestCase("--zz\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jsonl\"\r\n\r\n{\"custom_id\":")]
    public async Task Upload_WithABrokenMultipartBody_Is400InTheEnvelope(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/files")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=zz");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiServer.MasterKey);

        using var response = await _anonymous.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(response)).GetProperty("code").GetString().Should().Be("bad_request");
    }

    [TestCase("v1/files?limit=abc", "limit")]
    [TestCase("webhooks/wh_x/deliveries?limit=1.5", "limit")]
    public async Task QueryParameter_OfTheWrongType_Is400NamingIt(string path, string parameter)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiServer.MasterKey);

        using var response = await _anonymous.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await ErrorOf(response);
        error.GetProperty("param").GetString().Should().Be(parameter);
        error.GetProperty("message").GetString().Should().StartWith($"'{parameter}' is not valid").And.NotContain("body");
    }
}
