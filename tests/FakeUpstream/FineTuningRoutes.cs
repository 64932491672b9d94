namespace LlmPlatform.FakeUpstream;

/// <summary>The route names of the fake's OpenAI files and fine-tuning API, for scripting and inspection.</summary>
public static class FineTuningRoutes
{
    public const string FilesUpload = "openai.files.upload";
    public const string CreateJob = "openai.fine_tuning.create";
    public const string GetJob = "openai.fine_tuning.get";
    public const string Events = "openai.fine_tuning.events";
    public const string Checkpoints = "openai.fine_tuning.checkpoints";
    public const string Cancel = "openai.fine_tuning.cancel";

    /// <summary>A training file containing this text makes the job end <c>failed</c>.</summary>
    public const string FailMarker = "FAKE_FINE_TUNE_FAIL";

    /// <summary>A training file containing this text makes each stage last a thousand times longer (to cancel it while it runs).</summary>
    public const string SlowMarker = "FAKE_FINE_TUNE_SLOW";
}
