namespace LlmPlatform.Api.Hosting;

/// <summary>The process's own arguments (<c>--config FILE</c>); the rest (<c>--urls</c>, ...) go to ASP.NET Core.</summary>
internal sealed record StartupArguments(string? ConfigPath, string[] HostArguments)
{
    public static StartupArguments Parse(string[] args)
    {
        string? config = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--config" or "-c")
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException("--config needs a file path.");
                }

                config = args[++i];
            }
            else if (arg.StartsWith("--config=", StringComparison.Ordinal))
            {
                config = arg["--config=".Length..];
            }
            else
            {
                rest.Add(arg);
            }
        }

        return new StartupArguments(config, rest.ToArray());
    }
}
