/**
 * Boot: nothing to load (the map is drawn, not loaded: no network, no assets); hands over to the city.
 */
import * as Phaser from 'phaser';

export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    this.scene.start('City');
  }
}
