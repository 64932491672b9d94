using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Foundation;

/// <summary>
/// Sends every operation of /openapi.json malformed input, as the master key and as a virtual key: bodies that are
/// not objects or not JSON, each documented body property with values of the wrong type or text PostgreSQL cannot
/// store, and odd query values. No answer may be a 500, name a .NET type, or claim JSON it is not; the rest of the
/// suite checks what each route answers to good input.
/// </summary>
public sealed partial class MalformedInputSweepTests
{
    private static readonly string[] NotAnObject = ["[]", "5", "\"s\"", "null", "{}", "{\"unknown\":1}", "{\"x\":", "{\"a\":1}}", "\u0000"];

    /// <summary>Stands in a body for the byte 0xFF, which no UTF-8 text holds; sent as that byte.</summary>
    private const char NotUtf8 = '\uFFFF';

    /// <summary>Path values; not %00, which Kestrel refuses with an empty 400 before any middleware runs.</summary>
    private static readonly string[] OddPathValues = ["%01", "%FF", "%C3%28", "%2F..%2F", new string('p', 4000), "-1", "1e99"];

    /// <summary>9 KB of text that does not compress (PostgreSQL compresses a long value before it indexes it).</summary>
    private static readonly string LongText = Convert.ToBase64String(new Random(7).GetItems<byte>(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), 6_750));

    private static readonly string[] OddQueryValues = ["abc", "-1", "1e99", "", "%00", "%FF", "[]", "99999999999999999999"];

    private ApiServer _api = null!;
    private JsonDocument _document = null!;
    private OpenApiOperations _operations = null!;
    private string _virtualKey = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await ApiServer.StartAsync(ApiServer.MockDemoConfig);
        _document = JsonDocument.Parse(await _api.Client.GetStringAsync("openapi.json"));
        _operations = new OpenApiOperations(_document);
        using var generated = await _api.Client.PostAsJsonAsync("key/generate", new { models = new[] { "demo" } });
        generated.StatusCode.Should().Be(HttpStatusCode.OK);
        _virtualKey = (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _document.Dispose();
        await _api.DisposeAsync();
    }

    [TestCase(ApiServer.MasterKey)]
    [TestCase("virtual")]
    public async Task EveryOperation_AnswersMalformedInputWithoutA500(string key)
    {
        var bearer = key == "virtual" ? _virtualKey : key;
        var cases = Cases().ToList();
        cases.Count.Should().BeGreaterThan(1000, "the document describes the whole API");
        var failures = new ConcurrentBag<string>();
        using var client = new HttpClient { BaseAddress = _api.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (c, ct) =>
        {
            if (await CheckAsync(client, c, ct) is { } failure)
            {
                failures.Add($"{c.Method} {c.Target} {Shorten(c.Body)} -> {failure}");
            }
        });

        failures.Should().BeEmpty("each answer should be sound, and these were not:\n{0}", string.Join("\n", failures.Order(StringComparer.Ordinal)));
    }

    [TestCase(500, "application/json", "{\"error\":{\"message\":\"internal error\"}}", "500")]
    [TestCase(400, "application/json", "{\"error\":{\"message\":\"could not be converted to System.Int32\"}}", "names System.Int32")]
    [TestCase(400, "application/json", "{\"error\":", "claims JSON")]
    [TestCase(400, "application/json", "{\"error\":{\"message\":\"'max_budget' must be a number\",\"type\":\"invalid_request_error\"}}", null)]
    [TestCase(404, "application/json", "{\"error\":{\"message\":\"No route.\",\"type\":\"invalid_request_error\"}}", null)]
    [TestCase(404, "text/plain", "", "not in the dialect's envelope")]
    [TestCase(422, "application/json", "{\"detail\":\"bad\"}", "not in the dialect's envelope")]
    [TestCase(422, "application/json", "{\"detail\":[{\"loc\":[\"body\",\"x\"],\"msg\":\"bad\",\"type\":\"value_error\"}]}", null, "api/jobs/create")]
    [TestCase(404, "application/json", "{\"detail\":\"Job not found\"}", null, "api/jobs/1")]
    [TestCase(404, "application/json", "{\"error\":{\"message\":\"No route.\",\"type\":\"not_found_error\"}}", "not in the dialect's envelope", "api/jobs/1")]
    public async Task TheCheck_FlagsWhatTheSweepLooksFor(int status, string mediaType, string body, string? flagged, string target = "x")
    {
        using var client = new HttpClient(new CannedAnswer((HttpStatusCode)status, mediaType, body)) { BaseAddress = new Uri("http://sweep.invalid/") };
        var failure = await CheckAsync(client, new SweepCase("POST", target, "{}"), CancellationToken.None);
        if (flagged is null)
        {
            failure.Should().BeNull();
        }
        else
        {
            failure.Should().Contain(flagged);
        }
    }

    private IEnumerable<SweepCase> Cases()
    {
        foreach (var (method, path, operation) in _operations.All())
        {
            var target = PathParameter().Replace(path, "zz_nope").TrimStart('/');
            if (PathParameter().IsMatch(path))
            {
                foreach (var value in OddPathValues)
                {
                    yield return new SweepCase(method, PathParameter().Replace(path, value).TrimStart('/'), method is "GET" or "DELETE" ? null : "{}");
                }
            }

            if (method is "POST" or "PUT" or "PATCH")
            {
                foreach (var body in NotAnObject)
                {
                    yield return new SweepCase(method, target, body);
                }

                foreach (var body in WrongProperties(operation))
                {
                    yield return new SweepCase(method, target, body);
                }
            }
            else
            {
                yield return new SweepCase(method, target, null);
                var query = operation.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!)
                    : [];
                foreach (var name in query)
                {
                    foreach (var value in OddQueryValues)
                    {
                        yield return new SweepCase(method, $"{target}?{Uri.EscapeDataString(name)}={value}", null);
                    }
                }
            }
        }
    }

    /// <summary>
    /// A body per documented property and wrong value, <c>{"property": value}</c>, and one level down in objects and
    /// arrays of objects, <c>{"messages": [{"role": value}]}</c>.
    /// </summary>
    private IEnumerable<string> WrongProperties(JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var requestBody) || OpenApiOperations.JsonSchemaOf(requestBody) is not { } schema)
        {
            return [];
        }

        return WrongMembers(_operations.Resolve(schema), depth: 2);
    }

    /// <summary>Each property of an object schema with each wrong value, as a JSON object text.</summary>
    private IEnumerable<string> WrongMembers(JsonElement schema, int depth)
    {
        if (depth == 0 || !schema.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        foreach (var property in properties.EnumerateObject())
        {
            var name = JsonSerializer.Serialize(property.Name);
            var resolved = _operations.Resolve(property.Value);
            foreach (var value in WrongValues(resolved))
            {
                yield return $"{{{name}:{value}}}";
            }

            var items = TypeOf(resolved) == "array" && resolved.TryGetProperty("items", out var itemSchema) ? _operations.Resolve(itemSchema) : (JsonElement?)null;
            foreach (var inner in WrongMembers(items ?? resolved, depth - 1))
            {
                yield return items is null ? $"{{{name}:{inner}}}" : $"{{{name}:[{inner}]}}";
            }
        }
    }

    private static IEnumerable<string> WrongValues(JsonElement schema) => TypeOf(schema) switch
    {
        "string" => ["5", "{\"a\":1}", "\"a\\u0000b\"", "\"\\ud800\"", $"\"a{NotUtf8}b\"", $"\"{LongText}\""],
        "integer" or "number" => ["\"x\"", "1e40", "-1", "[1]", "1.5", "99999999999999999999"],
        "boolean" => ["\"x\"", "5"],
        "array" => ["5", "\"x\"", "[null]", "[{\"a\":5}]", "[5]", "[\"\\u0000\"]"],
        _ => ["5", "\"x\"", "[1]", "{\"\\u0000\":\"\\u0000\"}"],
    };

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }

    /// <returns>What is wrong with the answer, or null.</returns>
    private static async Task<string?> CheckAsync(HttpClient client, SweepCase c, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Target);
        if (c.Body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(c.Body.Replace(NotUtf8.ToString(), "\u0001", StringComparison.Ordinal));
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = bytes[i] == 1 ? (byte)0xFF : bytes[i];
            }

            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.InternalServerError)
            {
                return "500 " + Shorten(text);
            }

            if (Leak().Match(text) is { Success: true } leak)
            {
                return $"{(int)response.StatusCode} names {leak.Value}: {Shorten(text)}";
            }

            if (response.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0 && !IsJson(text))
            {
                return $"{(int)response.StatusCode} claims JSON: {Shorten(text)}";
            }

            if ((int)response.StatusCode >= 400 && !InEnvelope(c.Target, text))
            {
                return $"{(int)response.StatusCode} not in the dialect's envelope: {Shorten(text)}";
            }

            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "no answer within 30 s";
        }
    }

    /// <summary>
    /// OpenAI's <c>{"error": {"message", "type", ...}}</c>, on the Anthropic paths Anthropic's
    /// <c>{"type": "error", "error": {"type", "message"}}</c>, and on the SaaS paths (<c>/api</c>) FastAPI's
    /// <c>{"detail": "..."}</c> or <c>{"detail": [{"loc", "msg", "type"}]}</c>; on the Connector's paths (<c>/admin</c> and its
    /// own under <c>/user</c>) <c>{"success": false, "data": "..."}</c>.
    /// </summary>
    private static bool InEnvelope(string target, string text)
    {
        if (!IsJson(text))
        {
            return false;
        }

        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (target.StartsWith("api/", StringComparison.OrdinalIgnoreCase))
        {
            return InSaasEnvelope(root);
        }

        if (IsConnector(target))
        {
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False
                && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String && data.GetString()!.Length > 0;
        }

        var anthropic = target.StartsWith("v1/messages", StringComparison.OrdinalIgnoreCase) || target.StartsWith("messages", StringComparison.OrdinalIgnoreCase);
        return root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("error", out var error)
            && error.ValueKind == JsonValueKind.Object
            && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String && message.GetString()!.Length > 0
            && error.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            && (!anthropic || (root.TryGetProperty("type", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == "error"));
    }

    /// <summary><c>{"detail": "..."}</c>, or a 422's <c>{"detail": [{"loc": [...], "msg", "type"}]}</c>.</summary>
    private static bool InSaasEnvelope(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("detail", out var detail))
        {
            return false;
        }

        return detail.ValueKind switch
        {
            JsonValueKind.String => detail.GetString()!.Length > 0,
            JsonValueKind.Array => detail.GetArrayLength() > 0 && detail.EnumerateArray().All(item =>
                item.ValueKind == JsonValueKind.Object
                && item.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array
                && item.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String
                && item.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String),
            _ => false,
        };
    }

    private static bool IsConnector(string target) =>
        new[] { "admin/", "user/api-key/", "user/model/", "user/session/", "user/thread/" }.Any(p => target.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string? text) => text is null ? "(no body)" : text.Length > 160 ? text[..160] + "..." : text;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();

    /// <summary>A .NET namespace-qualified type name, as exception and converter messages carry them.</summary>
    [GeneratedRegex(@"\b(System|Microsoft|LlmPlatform|Npgsql|StackExchange)\.[A-Z][A-Za-z0-9_`]*")]
    private static partial Regex Leak();

    private sealed record SweepCase(string Method, string Target, string? Body);

    private sealed class CannedAnswer(HttpStatusCode status, string mediaType, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) });
    }
}
