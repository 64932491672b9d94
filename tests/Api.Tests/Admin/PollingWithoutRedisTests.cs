using LlmPlatform.TestSupport;

namespace LlmPlatform.Api.Tests.Admin;

/// <summary>Without Redis, nodes still converge: each polls the stored version as a safety net.</summary>
public sealed class PollingWithoutRedisTests
{
    [Test]
    public async Task NewModel_WithoutRedis_ReachesTheOtherNodeByPolling()
    {
        await using var database = await TestDatabase.CreateAsync("poll");
        await using var nodeA = await ApiServer.StartAsync("model_list: []", database, withRedis: false);
        await using var nodeB = await ApiServer.StartAsync("model_list: []", database, withRedis: false);

        var created = await CatalogAdminHttp.SendAsync(nodeA.Client, HttpMethod.Post, "/model/new", """
            {"model_name":"polled","litellm_params":{"model":"mock/polled"}}
            """);
        created.Status.Should().Be(200, created.Body);

        var seen = await CatalogAdminHttp.EventuallyAsync(
            async () => (await CatalogAdminHttp.SendAsync(nodeB.Client, HttpMethod.Post, "/v1/chat/completions", """{"model":"polled","messages":[{"role":"user","content":"hi"}]}""")).Status == 200,
            TimeSpan.FromSeconds(15));
        seen.Should().BeTrue("node B polls the version every 10 seconds");
    }
}
