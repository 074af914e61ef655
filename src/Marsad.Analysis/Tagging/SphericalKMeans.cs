using System.Numerics.Tensors;

namespace Marsad.Analysis.Tagging;

/// <summary>
/// Spherical k-means (cosine similarity, unit-length centroids) with k-means++ seeding over unit-length row vectors.
/// Deterministic for a given <see cref="Random"/> state whatever the thread count: threads only split the
/// assignment step and the seeding distances, whose results do not depend on the split.
/// </summary>
public static class SphericalKMeans
{
    /// <summary>Clusters <paramref name="n"/> rows of <paramref name="d"/> floats into <paramref name="k"/> groups; returns each row's cluster.</summary>
    public static int[] Cluster(float[] vectors, int n, int d, int k, int iterations, Random rng, int threads = 1, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(rng);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        int blocks = Math.Max(1, threads) * 8;
        var centroids = new float[k * d];
        var best = new float[n];
        Array.Fill(best, float.MaxValue);
        int first = rng.Next(n);
        vectors.AsSpan(first * d, d).CopyTo(centroids.AsSpan(0, d));
        for (int j = 1; j < k; j++)
        {
            int prevRow = j - 1;
            Parallel.For(0, blocks, parallel, b =>
            {
                var prev = centroids.AsSpan(prevRow * d, d);
                for (int i = (int)((long)n * b / blocks), end = (int)((long)n * (b + 1) / blocks); i < end; i++)
                {
                    float dist = 1 - TensorPrimitives.Dot(vectors.AsSpan(i * d, d), prev);
                    if (dist < best[i]) best[i] = dist;
                }
            });
            double sum = 0;
            for (int i = 0; i < n; i++) sum += Math.Max(best[i], 0);
            double pick = rng.NextDouble() * sum;
            int chosen = n - 1;
            for (int i = 0; i < n; i++)
            {
                pick -= Math.Max(best[i], 0);
                if (pick <= 0) { chosen = i; break; }
            }
            vectors.AsSpan(chosen * d, d).CopyTo(centroids.AsSpan(j * d, d));
        }
        var assign = new int[n];
        for (int iter = 0; iter < iterations; iter++)
        {
            int changed = 0;
            Parallel.For(0, blocks, parallel, () => 0, (b, _, local) =>
            {
                var scores = new float[k];
                for (int i = (int)((long)n * b / blocks), end = (int)((long)n * (b + 1) / blocks); i < end; i++)
                {
                    var x = vectors.AsSpan(i * d, d);
                    for (int j = 0; j < k; j++) scores[j] = TensorPrimitives.Dot(x, centroids.AsSpan(j * d, d));
                    int a = TensorPrimitives.IndexOfMax(scores);
                    if (a != assign[i] || iter == 0) { local++; assign[i] = a; }
                }
                return local;
            }, local => Interlocked.Add(ref changed, local));
            Array.Clear(centroids);
            for (int i = 0; i < n; i++)
            {
                var cdst = centroids.AsSpan(assign[i] * d, d);
                TensorPrimitives.Add(cdst, vectors.AsSpan(i * d, d), cdst);
            }
            for (int j = 0; j < k; j++)
            {
                var cj = centroids.AsSpan(j * d, d);
                float norm = TensorPrimitives.Norm(cj);
                if (norm > 0) TensorPrimitives.Divide(cj, norm, cj);
                else vectors.AsSpan(rng.Next(n) * d, d).CopyTo(cj); // re-seed an empty cluster
            }
            log?.Invoke($"k-means k={k} iteration {iter + 1}: {changed} changed");
            if (iter > 0 && changed == 0) break;
        }
        return assign;
    }
}
