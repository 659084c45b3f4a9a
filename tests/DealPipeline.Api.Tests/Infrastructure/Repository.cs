namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>The repository the tests run from: its README files, deploy/ and docs/ are checked as they are.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "DealPipeline.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("DealPipeline.sln not found above the test's folder.");
    }
}
