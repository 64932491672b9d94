using System.Text.Json.Nodes;
using LlmPlatform.Application.Jobs.FineTuning;

namespace LlmPlatform.Application.Tests.Jobs.FineTuning;

public sealed class FineTuningMirrorTests
{
    [Test]
    public void From_AProvidersEndedJob_CopiesItsFields()
    {
        var job = JsonNode.Parse("""
            {"id":"ftjob-up","status":"failed","fine_tuned_model":null,"organization_id":"org-1","seed":7,"trained_tokens":12,
             "hyperparameters":{"n_epochs":3},"result_files":["file-r"],"finished_at":1700000000,"estimated_finish":null,
             "error":{"code":"bad_file","message":"no","param":"training_file"}}
            """)!.AsObject();

        var mirror = FineTuningMirror.From(job, FineTuningStatuses.Running);

        mirror.Status.Should().Be("failed");
        mirror.OrganizationId.Should().Be("org-1");
        mirror.Seed.Should().Be(7);
        mirror.TrainedTokens.Should().Be(12);
        mirror.Hyperparameters.Should().Be("""{"n_epochs":3}""");
        mirror.ResultFiles.Should().Be("""["file-r"]""");
        mirror.FinishedAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        mirror.EstimatedFinish.Should().BeNull();
        JsonNode.Parse(mirror.Error!)!["code"]!.GetValue<string>().Should().Be("bad_file");
    }

    [Test]
    public void From_AJobWithoutStatusOrWithAnEmptyError_KeepsTheFallbackAndNoError()
    {
        var mirror = FineTuningMirror.From(JsonNode.Parse("""{"id":"x","error":{}}""")!.AsObject(), FineTuningStatuses.Queued);

        mirror.Status.Should().Be(FineTuningStatuses.Queued);
        mirror.Error.Should().BeNull();
    }
}
