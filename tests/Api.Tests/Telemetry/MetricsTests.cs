using System.Text;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Telemetry;

/// <summary>/metrics after real traffic: valid Prometheus text with the gateway's request, token, cost and latency series.</summary>
public sealed class MetricsTests
{
    private const string Config = """
        model_list:
          - model_name: metered
            litellm_params:
              model: mock/metered
              mock_response: four words of answer
            model_info:
              id: metered-1
              input_cost_per_token: 0.001
              output_cost_per_token: 0.002
        """;

    [Test]
    public async Task Metrics_AfterTraffic_ParseAndCountTheRequests()
    {
        await using var api = await ApiServer.StartAsync(Config);
        for (var i = 0; i < 3; i++)
        {
            using var response = await api.Client.PostAsync(
                "v1/chat/completions",
                new StringContent("""{"model":"metered","messages":[{"role":"user","content":"count me"}]}""", Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
        }

        using var streamed = await api.Client.PostAsync(
            "v1/chat/completions",
            new StringContent("""{"model":"metered","stream":true,"messages":[{"role":"user","content":"stream me"}]}""", Encoding.UTF8, "application/json"));
        await streamed.Content.ReadAsStringAsync();
        using var missing = await api.Client.PostAsync(
            "v1/chat/completions",
            new StringContent("""{"model":"nope","messages":[{"role":"user","content":"x"}]}""", Encoding.UTF8, "application/json"));

        IReadOnlyList<PrometheusTextParser.Sample> samples = [];
        for (var i = 0; i < 20; i++)
        {
            samples = PrometheusTextParser.Parse(await api.Client.GetStringAsync("metrics"));
            if (samples.Any(s => s.Name == "llmplatform_requests_total" && s.Labels.GetValueOrDefault("gen_ai_request_model") == "nope"))
            {
                break;
            }

            await Task.Delay(250);
        }

        var requests = samples.Where(s => s.Name == "llmplatform_requests_total").ToList();
        requests.Where(s => s.Labels["gen_ai_request_model"] == "metered" && s.Labels["llmplatform_status"] == "success").Sum(s => s.Value).Should().Be(4);
        requests.Where(s => s.Labels["gen_ai_request_model"] == "nope" && s.Labels["llmplatform_status"] == "failure").Sum(s => s.Value).Should().Be(1);
        requests.Should().Contain(s => s.Labels["llmplatform_deployment"] == "metered-1");

        samples.Where(s => s.Name == "gen_ai_client_token_usage_count" && s.Labels["gen_ai_token_type"] == "output" && s.Labels["gen_ai_request_model"] == "metered")
            .Sum(s => s.Value).Should().Be(4);
        samples.Where(s => s.Name == "gen_ai_client_token_usage_sum" && s.Labels["gen_ai_token_type"] == "output" && s.Labels["gen_ai_request_model"] == "metered")
            .Sum(s => s.Value).Should().BeGreaterThan(0);
        samples.Where(s => s.Name.StartsWith("llmplatform_cost", StringComparison.Ordinal)).Sum(s => s.Value).Should().BePositive();
        samples.Should().Contain(s => s.Name == "gen_ai_client_operation_duration_seconds_count");
        samples.Where(s => s.Name == "gen_ai_server_time_to_first_token_seconds_count").Sum(s => s.Value).Should().Be(1, "one request was streamed");
        samples.Should().Contain(s => s.Name.StartsWith("llmplatform_ledger_queue_depth", StringComparison.Ordinal));
        samples.Where(s => s.Name.StartsWith("llmplatform_ledger_degraded", StringComparison.Ordinal)).Should().ContainSingle().Which.Value.Should().Be(0);
        samples.Where(s => s.Name.StartsWith("llmplatform_ledger_rejected", StringComparison.Ordinal)).Should().ContainSingle().Which.Value.Should().Be(0);

        // The runtime's instruments have a small cardinality limit (MetricStreams); they still export.
        samples.Should().Contain(s => s.Name == "dotnet_gc_heap_total_allocated_bytes_total" && s.Value > 0);
        samples.Should().Contain(s => s.Name == "dotnet_process_cpu_count" && s.Value >= 1);
    }

    [Test]
    public void Parser_RejectsMalformedText()
    {
        var act = () => PrometheusTextParser.Parse("# TYPE x counter\nx{a=\"1\" 2\n");
        act.Should().Throw<FormatException>();
        var orphan = () => PrometheusTextParser.Parse("y 1\n");
        orphan.Should().Throw<FormatException>();
    }
}
