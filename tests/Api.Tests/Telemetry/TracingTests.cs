using System.ClientModel;
using System.Collections.Concurrent;
using System.Diagnostics;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using OpenAI;
using OpenAI.Chat;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace LlmPlatform.Api.Tests.Telemetry;

/// <summary>
/// The spans one chat completion leaves in the OpenTelemetry pipeline: the server span with its HTTP tags and the
/// gateway's attempt span (the upstream call's client span), in one trace that continues upstream.
/// </summary>
public sealed class TracingTests
{
    [Test]
    public async Task ChatCompletion_LeavesServerAndAttemptSpansInOneTraceThatContinuesUpstream()
    {
        await using var fake = await FakeUpstreamServer.StartAsync();
        var config = $"""
            model_list:
              - model_name: traced
                litellm_params:
                  model: openai/gpt-traced
                  api_base: {fake.BaseUrl}/v1
                  api_key: sk-upstream
                model_info:
                  id: traced-1
            """;
        var spans = new SpanCollector();
        await using var api = await ApiServer.StartAsync(
            config,
            configureServices: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(spans)));

        var client = new ChatClient("traced", new ApiKeyCredential(ApiServer.MasterKey), new OpenAIClientOptions { Endpoint = api.OpenAiEndpoint });
        var answer = await client.CompleteChatAsync([new UserChatMessage("trace me")]);
        answer.Value.Content.Should().NotBeEmpty();

        // The fake upstream is an ASP.NET Core server in this process too: its span is told apart by its port.
        var server = await spans.WaitForAsync(a => a.Kind == ActivityKind.Server && Equals(a.GetTagItem("server.port"), api.BaseUri.Port));
        server.GetTagItem("url.path").Should().Be("/v1/chat/completions");
        server.GetTagItem("http.request.method").Should().Be("POST");
        server.GetTagItem("http.route").Should().Be("v1/chat/completions", "the template as ASP.NET Core's own request metrics tag it");
        server.GetTagItem("http.response.status_code").Should().Be(200);
        server.DisplayName.Should().Be("POST v1/chat/completions");

        var attempt = await spans.WaitForAsync(a => a.Source.Name == "LlmPlatform.Gateway" && a.TraceId == server.TraceId);
        attempt.DisplayName.Should().Be("chat gpt-traced");
        attempt.GetTagItem("gen_ai.system").Should().Be("openai");
        attempt.GetTagItem("llmplatform.deployment").Should().Be("traced-1");

        var upstreamServer = await spans.WaitForAsync(a => a.Kind == ActivityKind.Server && Equals(a.GetTagItem("server.port"), fake.BaseUri.Port));
        upstreamServer.ParentSpanId.Should().Be(attempt.SpanId, "the trace continues into the upstream from the attempt span");
        attempt.Kind.Should().Be(ActivityKind.Client);
        spans.Ended.Should().NotContain(a => a.Source.Name == "System.Net.Http", "the attempt span is the upstream call's client span; HttpClient's own would only repeat it");

        var received = fake.Script.Received.Single(r => r.PathAndQuery.StartsWith("/v1/chat/completions", StringComparison.Ordinal));
        received.Headers.Should().ContainKey("traceparent");
        received.Headers["traceparent"].Should().Contain(server.TraceId.ToHexString());
    }

    /// <summary>Keeps every span the SDK ends, so a test can look for the ones it expects.</summary>
    private sealed class SpanCollector : BaseProcessor<Activity>
    {
        private readonly ConcurrentQueue<Activity> _ended = new();

        public IReadOnlyCollection<Activity> Ended => _ended;

        public override void OnEnd(Activity data) => _ended.Enqueue(data);

        public async Task<Activity> WaitForAsync(Func<Activity, bool> match)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (true)
            {
                var found = _ended.FirstOrDefault(match);
                if (found is not null)
                {
                    return found;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new AssertionException("No span matched; ended spans: " + string.Join(", ", _ended.Select(a => $"{a.Source.Name}:{a.DisplayName}")));
                }

                await Task.Delay(20);
            }
        }
    }
}
