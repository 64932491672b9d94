using System.Net;
using System.Text.Json;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Foundation;

/// <summary>Every operation of /openapi.json describes its JSON request body and its success answer.</summary>
public sealed class OpenApiSchemaTests
{
    /// <summary>Operations allowed to answer 200 without a JSON body, each with the reason.</summary>
    private static readonly Dictionary<string, string> NoJsonAnswer = new(StringComparer.Ordinal)
    {
        ["GET /v1/files/{fileId}/content"] = "the file's own bytes",
        ["GET /files/{fileId}/content"] = "the file's own bytes",
        ["GET /sso/login"] = "a redirect to the identity provider",
        ["POST /api/jobs/{jobId}/llm-call-stream"] = "Server-Sent Events of OpenAI's chat.completion.chunk",
        ["POST /api/jobs/create-and-call-stream"] = "Server-Sent Events of OpenAI's chat.completion.chunk",
    };

    private ApiServer _api = null!;
    private JsonDocument _document = null!;
    private OpenApiOperations _operations = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiServer.StartAsync(ApiServer.MockDemoConfig);
        using var anonymous = new HttpClient { BaseAddress = _api.BaseUri };
        using var response = await anonymous.GetAsync("openapi.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        _operations = new OpenApiOperations(_document);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _document.Dispose();
        await _api.DisposeAsync();
    }

    private IEnumerable<(string Name, JsonElement Operation)> Operations() =>
        _operations.All().Select(o => (o.Method + " " + o.Path, o.Operation));

    /// <summary>False for a free-form <c>{}</c>, a bare object and <c>JsonElement</c>.</summary>
    private bool IsDescribed(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference) && reference.GetString()!.EndsWith("/JsonElement", StringComparison.Ordinal))
        {
            return false;
        }

        var resolved = _operations.Resolve(schema);
        return resolved.TryGetProperty("properties", out _)
            || resolved.TryGetProperty("items", out _)
            || resolved.TryGetProperty("oneOf", out _)
            || resolved.TryGetProperty("anyOf", out _)
            || resolved.TryGetProperty("allOf", out _)
            || resolved.TryGetProperty("additionalProperties", out _)
            || (resolved.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "object");
    }

    private static JsonElement? JsonSchemaOf(JsonElement bodyOrResponse) => OpenApiOperations.JsonSchemaOf(bodyOrResponse);

    private JsonElement PropertiesOf(JsonElement schema) => _operations.Resolve(schema).GetProperty("properties");

    [Test]
    public void EveryRequestBody_HasASchema()
    {
        var undescribed = Operations()
            .Where(o => o.Operation.TryGetProperty("requestBody", out var body) && (JsonSchemaOf(body) is not { } schema || !IsDescribed(schema)))
            .Select(o => o.Name)
            .ToList();
        undescribed.Should().BeEmpty("every JSON request body is documented");
    }

    [Test]
    public void EverySuccessAnswer_HasAJsonSchema()
    {
        var undescribed = new List<string>();
        foreach (var (name, operation) in Operations().Where(o => !NoJsonAnswer.ContainsKey(o.Name)))
        {
            var responses = operation.GetProperty("responses");
            var success = new[] { "200", "201" }.Where(c => responses.TryGetProperty(c, out _)).ToList();
            if (success.Count == 0 && !responses.TryGetProperty("204", out _))
            {
                undescribed.Add(name + " (no success answer)");
            }

            undescribed.AddRange(success
                .Where(c => JsonSchemaOf(responses.GetProperty(c)) is not { } schema || !IsDescribed(schema))
                .Select(c => name + " " + c));
        }

        undescribed.Should().BeEmpty("every success answer is documented");
    }

    [Test]
    public void KeyGenerate_DescribesItsFieldsAndTheKey()
    {
        var operation = _document.RootElement.GetProperty("paths").GetProperty("/key/generate").GetProperty("post");
        operation.GetProperty("requestBody").GetProperty("required").GetBoolean().Should().BeTrue();
        var request = PropertiesOf(JsonSchemaOf(operation.GetProperty("requestBody"))!.Value);
        request.EnumerateObject().Select(p => p.Name).Should().Contain(["models", "max_budget", "rpm_limit", "key_alias", "key"]);
        var answer = PropertiesOf(JsonSchemaOf(operation.GetProperty("responses").GetProperty("200"))!.Value);
        answer.EnumerateObject().Select(p => p.Name).Should().Contain(["key", "token", "key_name", "expires", "token_id"]);
    }

    [Test]
    public void TeamInfo_AndKeyDelete_DescribeLiteLlmShapes()
    {
        var paths = _document.RootElement.GetProperty("paths");
        var teamInfo = PropertiesOf(JsonSchemaOf(paths.GetProperty("/team/info").GetProperty("get").GetProperty("responses").GetProperty("200"))!.Value);
        teamInfo.EnumerateObject().Select(p => p.Name).Should().Contain(["team_id", "team_info", "keys"]);
        var delete = paths.GetProperty("/key/delete").GetProperty("post");
        PropertiesOf(JsonSchemaOf(delete.GetProperty("requestBody"))!.Value).EnumerateObject().Select(p => p.Name).Should().Equal("keys", "key_aliases");
        PropertiesOf(JsonSchemaOf(delete.GetProperty("responses").GetProperty("200"))!.Value).EnumerateObject().Select(p => p.Name).Should().Equal("deleted_keys");
    }

    [Test]
    public void KeyRegenerate_BodyIsOptional()
    {
        var operation = _document.RootElement.GetProperty("paths").GetProperty("/key/{key}/regenerate").GetProperty("post");
        var body = operation.GetProperty("requestBody");
        (body.TryGetProperty("required", out var required) && required.GetBoolean()).Should().BeFalse();
        PropertiesOf(JsonSchemaOf(body)!.Value).TryGetProperty("duration", out _).Should().BeTrue();
    }
}
