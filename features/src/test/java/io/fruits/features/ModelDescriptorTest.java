package io.fruits.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelDescriptorTest {
  @Test
  void vgg16PresetIsKerasCaffeStyle() {
    ModelDescriptor d = ModelDescriptor.preset("vgg16");
    assertTrue(d.bgr());
    assertArrayEquals(new float[] {103.939f, 116.779f, 123.68f}, d.mean());
    assertEquals(224, d.width());
    assertEquals(Pooling.MAX, d.pooling());
    assertEquals("block5_pool", d.outputName());
  }

  @Test
  void presetsNameTheirSharedModelsAndChecksums() {
    ModelDescriptor squeeze = ModelDescriptor.preset("squeezenet1.1");
    assertEquals("squeezenet1.1-features.onnx", squeeze.get(ModelKey.FILE));
    assertEquals(64, squeeze.get(ModelKey.SHA256).length());
    ModelDescriptor mobile = ModelDescriptor.preset("mobilenetv2");
    assertEquals(Pooling.AVG, mobile.pooling());
    assertTrue(!mobile.bgr());
  }

  @Test
  void overridesWinOverThePreset() {
    ModelDescriptor d = ModelDescriptor.of(Map.of("model.preset", "vgg16", "model.input.width", "100", "model.input.height", "100", "model.pooling", "avg"));
    assertEquals(100, d.width());
    assertEquals(Pooling.AVG, d.pooling());
    assertEquals(3 * 100 * 100, d.inputSize());
  }

  @Test
  void unknownPresetSaysWhatExists() {
    assertEquals("unknown model preset 'resnet'; use vgg16, squeezenet1.1, mobilenetv2, their -imagenet classifiers or a descriptor file",
        assertThrows(IllegalArgumentException.class, () -> ModelDescriptor.preset("resnet")).getMessage());
  }

  @Test
  void badValuesFailWithTheKeyName() {
    assertEquals("model.color is 'CMYK'; use rgb or bgr",
        assertThrows(IllegalArgumentException.class, () -> ModelDescriptor.of(Map.of("model.color", "CMYK"))).getMessage());
    assertEquals("model.mean is '1,2'; give three comma-separated numbers",
        assertThrows(IllegalArgumentException.class, () -> ModelDescriptor.of(Map.of("model.mean", "1,2"))).getMessage());
    assertEquals("model.input.width is '0'; use a whole number from 1 to 8192",
        assertThrows(IllegalArgumentException.class, () -> ModelDescriptor.of(Map.of("model.input.width", "0"))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> ModelDescriptor.of(Map.of("model.std", "1,0,1")));
  }

  @Test
  void identityIsTheEffectiveKeyValues() {
    assertEquals(ModelDescriptor.preset("vgg16"), ModelDescriptor.of(Map.of("model.preset", "vgg16", "model.color", "bgr")));
  }
}
