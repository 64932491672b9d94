using System.Net;
using System.Text;
using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Foundation;

/// <summary>Stopping the API lets in-flight requests finish and flushes the spend ledger.</summary>
public sealed class GracefulShutdownTests
{
    private const string Config = """
        model_list:
          - model_name: slow
            litellm_params:
              model: mock/slow
              mock_latency: 1500
        general_settings:
          drain_timeout: 10
        """;

    [Test]
    public async Task Stop_WithRequestInFlight_FinishesItAndFlushesItsSpendRow()
    {
        await using var database = await TestDatabase.CreateAsync("drain");
        var api = await ApiServer.StartAsync(Config, database);
        Task<HttpResponseMessage> inFlight;
        try
        {
            inFlight = api.Client.PostAsync(
                "v1/chat/completions",
                new StringContent("""{"model":"slow","messages":[{"role":"user","content":"take your time"}]}""", Encoding.UTF8, "application/json"));
            await Task.Delay(400);
        }
        finally
        {
            await api.DisposeAsync();
        }

        using var response = await inFlight;
        response.StatusCode.Should().Be(HttpStatusCode.OK, "shutdown drains requests that were already running");
        var requestId = response.Headers.GetValues("x-request-id").Single();
        (await database.ScalarAsync<long>("SELECT count(*) FROM spend_logs WHERE request_id = @id", ("id", requestId)))
            .Should().Be(1, "the ledger is flushed before the process ends");
    }
}
