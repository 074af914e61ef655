namespace Marsad.Analysis.Events.Coding;

/// <summary>
/// Platt scaling: maps a model's raw probability p to sigmoid(A·logit(p) + B), with A and B fitted on scores the model
/// gave to examples it did not see, so that "0.7" means right about 7 times in 10 (the reliability table of
/// <c>coder train</c> shows how well that holds). Identity is A = 1, B = 0.
/// </summary>
public readonly record struct PlattCalibration(double A, double B)
{
    public static readonly PlattCalibration Identity = new(1, 0);

    public double Apply(double p) => Sigmoid(A * Logit(p) + B);

    /// <summary>
    /// Fits A and B by Newton's method on the log loss, halving a step until the loss falls (a plain Newton step can
    /// overshoot when the start is far off); a tiny ridge towards the identity keeps it finite when the classes separate.
    /// </summary>
    public static PlattCalibration Fit(IReadOnlyList<double> scores, IReadOnlyList<int> labels)
    {
        if (scores.Count == 0) return Identity;
        var x = new double[scores.Count];
        for (int i = 0; i < x.Length; i++) x[i] = Logit(scores[i]);
        double a = 1, b = 0, loss = Loss(a, b);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double ga = Ridge * (a - 1), gb = Ridge * b, haa = Ridge, hab = 0, hbb = Ridge;
            for (int i = 0; i < x.Length; i++)
            {
                double q = Sigmoid(a * x[i] + b), d = q - labels[i], w = q * (1 - q);
                ga += d * x[i]; gb += d;
                haa += w * x[i] * x[i]; hab += w * x[i]; hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (det <= 1e-12) break;
            double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
            double step = 1, next = Loss(a - da, b - db);
            while (next > loss && step > 1e-6) { step /= 2; next = Loss(a - step * da, b - step * db); }
            if (next > loss) break;
            a -= step * da; b -= step * db;
            bool done = loss - next < 1e-12;
            loss = next;
            if (done) break;
        }
        return new PlattCalibration(a, b);

        double Loss(double a, double b)
        {
            double sum = 0.5 * Ridge * ((a - 1) * (a - 1) + b * b);
            for (int i = 0; i < x.Length; i++)
            {
                double z = a * x[i] + b;
                // log(1 + e^z) - y z, written to stay finite for large |z|
                sum += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - labels[i] * z;
            }
            return sum;
        }
    }

    private const double Ridge = 1e-3;

    private static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-6, 1 - 1e-6);
        return Math.Log(p / (1 - p));
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
