namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>The AWS credentials of the process environment (<c>AWS_ACCESS_KEY_ID</c>, ...), read once at start-up.</summary>
internal sealed class AwsEnvironment
{
    public AwsEnvironment()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    public AwsEnvironment(Func<string, string?> environment)
    {
        var id = environment("AWS_ACCESS_KEY_ID");
        var secret = environment("AWS_SECRET_ACCESS_KEY");
        Credentials = string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret)
            ? null
            : new AwsCredentials(id, secret, NullIfEmpty(environment("AWS_SESSION_TOKEN")));
    }

    public AwsCredentials? Credentials { get; }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
