using System.Net;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.Application.Webhooks;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPlatform.Api.Tests.Jobs;

/// <summary>Fine-tuning on two nodes sharing one database: one node handles a job's end, every node routes the model, also after a restart.</summary>
public sealed class FineTuningNodesTests
{
    [Test]
    public async Task FineTunedModel_OnTwoNodesAndAfterARestart_IsRoutableAndItsEndIsHandledOnce()
    {
        await using var fake = await FakeUpstreamServer.StartAsync(new FakeUpstreamOptions { FineTuningStageDuration = TimeSpan.FromMilliseconds(200) });
        await using var database = await TestDatabase.CreateAsync("ftnodes");
        var storage = Path.Combine(Path.GetTempPath(), "llmplatform-ft-nodes-" + Guid.NewGuid().ToString("N"));
        var config = $"""
            model_list:
              - model_name: ft-base
                litellm_params:
                  model: openai/base-model-n
                  api_key: sk-upstream-nodes-secret
                  api_base: {fake.BaseUrl}/v1
            general_settings:
              files_storage_path: {storage}
              fine_tuning_poll_seconds: 0.1
              encryption_key: fine-tuning-nodes-encryption-key
            """;
        var webhooksA = new RecordingWebhookPublisher();
        var webhooksB = new RecordingWebhookPublisher();
        try
        {
            string fineTuned;
            string key;
            await using (var nodeA = await ApiServer.StartAsync(config, database, configureServices: s => s.AddSingleton<IWebhookEventPublisher>(webhooksA)))
            await using (var nodeB = await ApiServer.StartAsync(config, database, configureServices: s => s.AddSingleton<IWebhookEventPublisher>(webhooksB)))
            {
                key = await JobsHttp.TeamKeyAsync(nodeA);
                var file = await JobsHttp.UploadAsync(nodeA, key, "fine-tune", "train.jsonl", JobsHttp.Jsonl("""{"messages":[{"role":"user","content":"hi"}]}"""));
                var created = await new AdminHttp(nodeA.Client).PostAsync("/v1/fine_tuning/jobs", new { training_file = file.Str("id"), model = "ft-base" }, key);
                created.Status.Should().Be(HttpStatusCode.OK, created.Text);
                var id = created.Str("id");

                var done = await WaitForSucceededAsync(new AdminHttp(nodeB.Client), key, id);
                fineTuned = done.Str("fine_tuned_model");

                (await ChatAsync(nodeA, key, fineTuned)).Should().Be(HttpStatusCode.OK);
                (await ChatAsync(nodeB, key, fineTuned)).Should().Be(HttpStatusCode.OK);
                await Task.Delay(500);
                webhooksA.Events.Concat(webhooksB.Events)
                    .Count(e => e.Type == WebhookEventTypes.FineTuningJobCompleted && e.Data["id"]!.GetValue<string>() == id)
                    .Should().Be(1);
            }

            await using var restarted = await ApiServer.StartAsync(config, database);
            (await ChatAsync(restarted, key, fineTuned)).Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            if (Directory.Exists(storage))
            {
                Directory.Delete(storage, recursive: true);
            }
        }
    }

    private static async Task<AdminHttp.Reply> WaitForSucceededAsync(AdminHttp http, string key, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var reply = await http.GetAsync("/v1/fine_tuning/jobs/" + id, key);
            if (reply.Str("status") == "succeeded" || DateTime.UtcNow > deadline)
            {
                reply.Str("status").Should().Be("succeeded");
                return reply;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The model may take a moment to reach a node's catalog: retries until it answers or ten seconds pass.</summary>
    private static async Task<HttpStatusCode> ChatAsync(ApiServer node, string key, string model)
    {
        var http = new AdminHttp(node.Client);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var reply = await http.PostAsync("/v1/chat/completions", new { model, messages = new[] { new { role = "user", content = "hi" } } }, key);
            if (reply.Status == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return reply.Status;
            }

            await Task.Delay(100);
        }
    }
}
