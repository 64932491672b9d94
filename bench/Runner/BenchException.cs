namespace LlmPlatform.Bench.Runner;

/// <summary>The harness itself could not do its job (a process would not start, a tool is missing): the run fails.</summary>
internal sealed class BenchException : Exception
{
    public BenchException(string message)
        : base(message)
    {
    }

    public BenchException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public BenchException()
    {
    }
}
