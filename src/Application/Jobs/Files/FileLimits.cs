using LlmPlatform.Application.Configuration;

namespace LlmPlatform.Application.Jobs.Files;

/// <summary>The largest file accepted per purpose: <c>general_settings.files_max_bytes</c> over OpenAI's defaults.</summary>
public sealed class FileLimits
{
    private readonly IReadOnlyDictionary<string, long> _configured;

    public FileLimits(PlatformConfiguration configuration)
    {
        _configured = configuration.General.FilesMaxBytes;
        Largest = FilePurposes.Uploadable.Max(LimitOf);
        BatchLineBytes = configuration.General.MaxRequestSizeBytes;
    }

    /// <summary>The longest line of a batch file: one line is one request, so <c>max_request_size_mb</c>.</summary>
    public long BatchLineBytes { get; }

    /// <summary>The largest limit of any purpose: the bound while the purpose is not known yet.</summary>
    public long Largest { get; }

    public long LimitOf(string purpose) =>
        _configured.TryGetValue(purpose, out var limit) ? limit : FilePurposes.DefaultLimit(purpose);
}
