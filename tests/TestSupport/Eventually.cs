namespace LlmPlatform.TestSupport;

/// <summary>Waits for something the system does in the background to become true, up to a limit.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="within"/> has passed; true when it held.</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan within, TimeSpan? every = null)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(every ?? TimeSpan.FromMilliseconds(20));
        }

        return await condition();
    }
}
