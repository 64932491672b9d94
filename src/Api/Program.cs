using LlmPlatform.Api.Hosting;

if (SocketDefaults.Apply() is { } refused)
{
    // Before the host exists, so there is no logger yet.
    await Console.Error.WriteLineAsync($"{SocketDefaults.InlineCompletions}={refused} is not honoured: database reads would stall socket event threads; it is turned off.");
}

return await ApiHost.RunAsync(args);
