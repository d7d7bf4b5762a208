//! How a series is marked: its stroke (solid or dashed) and the shape drawn at its points and in
//! its legend entry, so that series differ by shape as well as by colour.

use super::ChartError;
use plotters::coord::Shift;
use plotters::prelude::*;

/// How a line is stroked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A solid line (measured values).
    Solid,
    /// A dashed line (predictions).
    Dashed,
}

/// The mark drawn at each point of a line (and in its legend entry), so that series differ by
/// shape as well as by colour: a reader who cannot tell the colours apart still tells the lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// No mark.
    None,
    /// A disc (a 12-sided polygon).
    Circle,
    /// A square.
    Square,
    /// A triangle pointing up.
    Triangle,
    /// A diamond.
    Diamond,
}

/// (cos θ, sin θ) at θ = k·30°, k = 0 … 11: a disc's outline as a 12-sided polygon. Written out
/// rather than computed, so that the main widget's wasm carries no sine or cosine.
const UNIT_DODECAGON: [(f64, f64); 12] = {
    const H: f64 = 0.866_025_403_784_438_6; // √3/2
    [
        (1.0, 0.0),
        (H, 0.5),
        (0.5, H),
        (0.0, 1.0),
        (-0.5, H),
        (-H, 0.5),
        (-1.0, 0.0),
        (-H, -0.5),
        (-0.5, -H),
        (0.0, -1.0),
        (0.5, -H),
        (H, -0.5),
    ]
};

impl Marker {
    /// The marker's outline around (0, 0) with half-size `r` pixels (empty for [`Marker::None`]).
    pub fn outline(self, r: i32) -> Vec<(i32, i32)> {
        match self {
            Marker::None => Vec::new(),
            Marker::Circle => UNIT_DODECAGON
                .iter()
                .map(|&(c, s)| {
                    let r = f64::from(r);
                    ((r * c).round() as i32, (r * s).round() as i32)
                })
                .collect(),
            Marker::Square => vec![(-r, -r), (r, -r), (r, r), (-r, r)],
            Marker::Triangle => vec![(0, -r - r / 3), (r + r / 4, r), (-r - r / 4, r)],
            Marker::Diamond => vec![
                (0, -r - r / 3),
                (r + r / 3, 0),
                (0, r + r / 3),
                (-r - r / 3, 0),
            ],
        }
    }
}

/// Fills `outline` (pixel offsets) in `color` around pixel `at` of `area`.
pub fn draw_shape<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    outline: &[(i32, i32)],
    color: RGBColor,
) -> Result<(), ChartError> {
    let points = outline
        .iter()
        .map(|&(dx, dy)| (x + dx, y + dy))
        .collect::<Vec<_>>();
    area.draw(&Polygon::new(points, color.filled()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_out_dodecagon_is_cos_and_sin_of_every_30_degrees() {
        for (k, &(c, s)) in UNIT_DODECAGON.iter().enumerate() {
            let a = (30.0 * k as f64).to_radians();
            assert!(
                (c - a.cos()).abs() < 1e-15 && (s - a.sin()).abs() < 1e-15,
                "k = {k}"
            );
        }
    }
}
