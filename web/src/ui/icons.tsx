import type { JSX } from "solid-js";
import type { MechanismKey } from "../data/types.ts";

/** Line icons drawn on a 24-unit grid; they take the text colour. */
export function Svg(props: { children: JSX.Element; size?: number; class?: string }) {
  return (
    <svg
      class={props.class}
      width={props.size ?? 20}
      height={props.size ?? 20}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      {props.children}
    </svg>
  );
}

export type IconProps = { size?: number; class?: string };

/** The product mark: a grid in a seal. */
export const GridMark = (props: IconProps) => (
  <Svg {...props}>
    <rect x="3.5" y="3.5" width="17" height="17" rx="3" />
    <path d="M9.2 3.5v17M14.8 3.5v17M3.5 9.2h17M3.5 14.8h17" />
  </Svg>
);

export const GlobeIcon = (props: IconProps) => (
  <Svg {...props}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M3.5 12h17M12 3.5c2.5 2.6 3.6 5.4 3.6 8.5s-1.1 5.9-3.6 8.5c-2.5-2.6-3.6-5.4-3.6-8.5s1.1-5.9 3.6-8.5z" />
  </Svg>
);

export const SignOutIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M14 4h4.5a1.5 1.5 0 0 1 1.5 1.5v13a1.5 1.5 0 0 1-1.5 1.5H14" />
    <path d="M10 8l-4 4 4 4M6 12h10" />
  </Svg>
);

export const ChevronLeftIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="m15 6-6 6 6 6" />
  </Svg>
);

export const ChevronRightIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M9 5l7 7-7 7" />
  </Svg>
);

export const MapPinIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11z" />
    <circle cx="12" cy="10" r="2.3" />
  </Svg>
);

export const CheckIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </Svg>
);

export const AlertIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M12 3.8l9 15.7H3z" />
    <path d="M12 10v4.2M12 17.2v.1" />
  </Svg>
);

/** A folded map: the grid map. */
export const MapIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M3.5 6.5l5.5-2.5 6 2.5 5.5-2.5v13.5l-5.5 2.5-6-2.5-5.5 2.5z" />
    <path d="M9 4v13.5M15 6.5V20" />
  </Svg>
);

export const PlusIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M12 5v14M5 12h14" />
  </Svg>
);

const mechanismPaths: Record<MechanismKey, () => JSX.Element> = {
  // 随手拍: a camera
  tickets: () => (
    <>
      <path d="M4 8h3.2l1.8-2.6h6l1.8 2.6H20a1 1 0 0 1 1 1v9.5a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z" />
      <circle cx="12" cy="13.3" r="3.4" />
    </>
  ),
  // 常态化下沉: a person going down into the grid
  cadreSecondment: () => (
    <>
      <circle cx="9" cy="7" r="3" />
      <path d="M3.5 20c0-3.2 2.5-5.8 5.5-5.8s5.5 2.6 5.5 5.8" />
      <path d="M18.5 6v9M15.5 12l3 3 3-3" />
    </>
  ),
  // 微心愿: a heart
  wishes: () => <path d="M12 19.5s-7.5-4.6-7.5-10.2A4.3 4.3 0 0 1 12 6.6a4.3 4.3 0 0 1 7.5 2.7c0 5.6-7.5 10.2-7.5 10.2z" />,
  // 问题清单·项目清单: a checklist
  needsLists: () => (
    <>
      <rect x="5" y="4.5" width="14" height="16" rx="1.5" />
      <path d="M9 3.5h6v2.5H9zM8.5 11l1.5 1.5 2.5-2.5M8.5 16l1.5 1.5 2.5-2.5M14.5 11.5h2M14.5 16.5h2" />
    </>
  ),
  // 议事会: two speech bubbles
  meetings: () => (
    <>
      <path d="M3.5 5h11a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1H8l-4.5 3.5z" />
      <path d="M18.5 9h1a1 1 0 0 1 1 1v10l-3.5-2.7H10a1 1 0 0 1-1-1v-.8" />
    </>
  ),
  // 志愿服务: two people side by side
  volunteers: () => (
    <>
      <circle cx="8" cy="8" r="2.7" />
      <circle cx="16.5" cy="8.5" r="2.3" />
      <path d="M2.8 19.5c0-3 2.3-5.4 5.2-5.4s5.2 2.4 5.2 5.4M14 14.4c.8-.3 1.6-.4 2.5-.4 2.6 0 4.7 2.1 4.7 4.9" />
    </>
  ),
  // 平急切换: a siren
  emergencyMode: () => (
    <>
      <path d="M6.5 17v-5.5a5.5 5.5 0 0 1 11 0V17" />
      <path d="M4 20.5h16M5 17h14v3.5H5zM12 2.5v1.8M4.2 5.6l1.3 1.3M19.8 5.6l-1.3 1.3" />
    </>
  ),
  // 数据平台: stacked map layers
  register: () => (
    <>
      <path d="M12 3.5l8.5 4.6-8.5 4.6-8.5-4.6z" />
      <path d="M3.5 12.2l8.5 4.6 8.5-4.6M3.5 16.3l8.5 4.6 8.5-4.6" />
    </>
  ),
};

export const MechanismIcon = (props: IconProps & { mechanism: MechanismKey }) => (
  <Svg size={props.size} class={props.class}>
    {mechanismPaths[props.mechanism]()}
  </Svg>
);

/** Notifications. */
export const BellIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 2H4.5z" />
    <path d="M10 20.5a2.2 2.2 0 0 0 4 0" />
  </Svg>
);

/** 随手拍: a camera. */
export const CameraIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M4 8h3.2l1.8-2.6h6l1.8 2.6H20a1 1 0 0 1 1 1v9.5a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z" />
    <circle cx="12" cy="13.3" r="3.4" />
  </Svg>
);

/** Settings (区级配置): a gear. */
export const GearIcon = (props: IconProps) => (
  <Svg {...props}>
    <circle cx="12" cy="12" r="3" />
    <path d="M12 2.8v2.4M12 18.8v2.4M21.2 12h-2.4M5.2 12H2.8M18.5 5.5l-1.7 1.7M7.2 16.8l-1.7 1.7M18.5 18.5l-1.7-1.7M7.2 7.2 5.5 5.5" />
    <circle cx="12" cy="12" r="6.2" />
  </Svg>
);

/** A person's home (their work): a house. */
export const HomeIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M3.5 11 12 4l8.5 7" />
    <path d="M5.5 9.5V20h13V9.5M10 20v-5.5h4V20" />
  </Svg>
);

/** 数据看板: bars. */
export const ChartIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M4 20h16M7 17v-6M12 17V6M17 17v-9" />
  </Svg>
);
