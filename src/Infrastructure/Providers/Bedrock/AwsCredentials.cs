namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>An AWS access key pair, with the session token of temporary credentials. Never logged.</summary>
internal sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken)
{
    /// <summary>Keeps the secret out of any accidental log line.</summary>
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId} }}";
}
