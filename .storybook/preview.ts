/**
 * The frame every story renders in, as the demo page's canvas shows it: its palette in light and dark (following
 * prefers-color-scheme, as the components do), system fonts, page background and the story frame's styles all come
 * from stories/story-frame.css, the file the demo page imports too.
 */
/// <reference types="vite/client" />
// (Vite's client types declare the CSS import below.)
import type { Preview } from '@storybook/web-components-vite';
import '../stories/story-frame.css';

const preview: Preview = {
  parameters: {
    // The demo canvas pads its stories by 1rem; Storybook's "padded" layout does the same.
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
