using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>The failures the SaaS job use cases share, with the texts the dialect's clients know.</summary>
internal static class SaasJobErrors
{
    public static Error JobNotFound { get; } = Error.NotFound("job_not_found", "Job not found");

    public static Error NotYourJob { get; } = Error.Forbidden("Job does not belong to your team");

    public static Error InsufficientCredits { get; } = Error.Forbidden("Insufficient credits");

    public static Error TeamMismatch(string teamId) => Error.Forbidden($"API key does not belong to team '{teamId}'");

    public static Error AlreadyEnded(string status) =>
        Error.Conflict($"Job is already {status}; a job takes no more calls once it has ended.");
}
