namespace LlmPlatform.Api.Hosting;

/// <summary>A start-up failure that ends the process with one clear line and a non-zero exit code.</summary>
public sealed class StartupException : Exception
{
    public StartupException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public StartupException()
    {
    }

    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; } = 1;
}
