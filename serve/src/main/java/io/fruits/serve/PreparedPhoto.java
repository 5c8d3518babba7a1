package io.fruits.serve;

import io.fruits.features.RgbImage;
import java.util.List;

/**
 * A photo made ready for the models away from their lock ({@link FruitPredictor#prepare}): all the
 * work on pixels is done, what is left is the CNN passes.
 *
 * @param name the photo's file name, as the answer shows it
 * @param views each view at the model's input size ({@link Views})
 * @param imagenetInput the whole photo at the ImageNet classifier's input size; null when the run has no ImageNet check
 * @param onWhite whether it is a {@link io.fruits.features.StudioShot}
 * @param png the whole photo as the model sees it, for the page
 */
record PreparedPhoto(String name, List<RgbImage> views, RgbImage imagenetInput, boolean onWhite, byte[] png) {}
